"""Store administration without Qt: VAT numbers, roles and PINs, terminals per shop, applying a setup in one go."""
