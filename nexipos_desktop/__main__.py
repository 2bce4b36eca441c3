from nexipos_desktop.cli import main

raise SystemExit(main())
