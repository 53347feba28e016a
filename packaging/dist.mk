# Packaging targets, included by the top-level Makefile (which defines PY, VENV and STAMP).
#   make dist             PyInstaller one-folder bundle in dist/alignment-workshop/
#   make dist-test        build it in a clean temp folder and smoke-test it (slow; not in `make test`)
#   make install-desktop  register the launcher, .alignment MIME type and icons for this user
DIST_STAMP := $(VENV)/.installed-dist
SPEC := packaging/alignment-workshop.spec

# PyInstaller comes only from the project's `dist` extra.
$(DIST_STAMP): $(STAMP) pyproject.toml
	$(PY) -m pip install --quiet -e '.[dist]'
	touch $(DIST_STAMP)

dist: $(DIST_STAMP) catalogues
	$(PY) -m PyInstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller $(SPEC)
	@echo "Built dist/alignment-workshop/"

dist-test: $(DIST_STAMP) catalogues
	QT_QPA_PLATFORM=offscreen $(PY) packaging/smoke_test.py

install-desktop:
	sh packaging/install-desktop.sh $(if $(EXEC),--exec "$(EXEC)")
