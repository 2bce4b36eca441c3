# NexiPOS Desktop — one command to run the app, one to run every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run run-webecr run-socket test lint bench translations selftest clean compile

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]' --config-settings editable_mode=compat
	touch $(STAMP)

## byte-compile the sources as an installed package would be (this machine sets PYTHONDONTWRITEBYTECODE)
compile: $(STAMP)
	$(BIN)/python -m compileall -q nexipos_desktop

## make run: create the virtualenv, install, start the till on the embedded SQLite database (a new database becomes the
## demo shop with the built-in terminal simulator; NEXIPOS_DEMO=0 make run opens the setup wizard instead)
NEXIPOS_DEMO ?= 1
run: compile
	NEXIPOS_DEMO=$(NEXIPOS_DEMO) $(BIN)/nexipos run

## make run-webecr / run-socket: the embedded terminal simulator speaks WebECR (cloud) / the socket protocol from now on
## (a settings change needs the admin PIN: the demo shop's is 1234; give yours with NEXIPOS_ADMIN_PIN=…)
run-webecr: compile
	NEXIPOS_ADMIN_PIN=$${NEXIPOS_ADMIN_PIN:-1234} $(BIN)/nexipos config set terminal.driver webecr
	NEXIPOS_DEMO=$(NEXIPOS_DEMO) $(BIN)/nexipos run

run-socket: compile
	NEXIPOS_ADMIN_PIN=$${NEXIPOS_ADMIN_PIN:-1234} $(BIN)/nexipos config set terminal.driver ecr_socket
	NEXIPOS_DEMO=$(NEXIPOS_DEMO) $(BIN)/nexipos run

## make test: create/update the virtualenv with test extras, check the layers, run the whole suite offscreen
test: $(STAMP)
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

selftest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/nexipos selftest

## make bench: the benchmarks of benchmarks/, with ratios against baselines measured in the same run
bench: compile
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

## make translations: refresh resources/translations/*.ts from the sources and compile the .qm files
translations: $(STAMP)
	$(BIN)/pyside6-lupdate $$(find nexipos_desktop/ui nexipos_desktop/app.py -name '*.py') -ts resources/translations/nexipos_en.ts -no-obsolete
	$(BIN)/python tools/translate_en.py resources/translations/nexipos_en.ts
	$(BIN)/pyside6-lrelease resources/translations/nexipos_en.ts -qm resources/translations/nexipos_en.qm

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .hypothesis

## make installer: the 64-bit Windows setup dist/NexiPOS-Setup-<version>.exe (pynsist + Debian's NSIS; see installer/README.md)
installer:
	$(PYTHON) installer/build.py build

## make installer-check: build twice, list the setup with 7zz and assert its contents, compare the two builds' bytes
installer-check:
	$(PYTHON) installer/build.py check

## make installer-lock: refresh installer/requirements-win.txt (Windows wheels with hashes; needs the network)
installer-lock:
	$(PYTHON) installer/build.py lock

.PHONY: installer installer-check installer-lock

## make installer-smoke: silent install under xvfb-run + Wine, installed `nexipos selftest`, silent uninstall (installer/wine/)
installer-smoke:
	installer/wine/smoke.sh

.PHONY: installer-smoke
