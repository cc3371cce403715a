# `make report-png`: renders the HTML reports of the default site, of a batch and of a sizing sweep in
# headless Chromium (Debian package `chromium`, installed when missing), saves screenshots (and a PDF of
# the site report, as printed on A4) in Output/report/, and checks each whole page (Tests/python/check_png.py):
# screenshots are taken in a window taller than any page, the check fails when a page reaches the bottom
# of its screenshot (cut off), and looks for ink and charts over the page's whole height, failing on a
# blank band. Included from the Makefile; uses its SWIFT, SITE, PYTHON, SUDO and RELEASE_BIN variables
# and its `build` and `python-deps` targets.
#
#   make report          # Output/report/site.html for $(SITE), with the terminal summary
#   make report-png      # all three reports → HTML, PNG (and site.pdf), checked

REPORT_DIR  ?= Output/report
CHROMIUM    ?= chromium
# The screenshot's window: a laptop-wide viewport, taller than any whole page (check_png.py fails when a
# page reaches the bottom, so a page that grows past it is noticed, not cut).
REPORT_WIDTH ?= 1280
REPORT_HEIGHT ?= 12000
CHROMIUM_FLAGS = --headless --no-sandbox --disable-gpu --hide-scrollbars --no-pdf-header-footer

.PHONY: report report-png chromium

## The default site's report: run it, print the summary, write Output/report/site.html.
report: build
	@mkdir -p $(REPORT_DIR)
	$(RELEASE_BIN) run $(SITE) --output $(REPORT_DIR)/site.h5 --quiet
	$(RELEASE_BIN) report $(REPORT_DIR)/site.h5 --html $(REPORT_DIR)/site.html

## Installs Chromium (Debian: chromium) when it is missing.
chromium:
	@command -v $(CHROMIUM) >/dev/null 2>&1 || { \
		echo "Installing chromium with apt-get…"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

## The batch is Sites/batches/climate-2050.yaml, the sizing sweep Sites/sizing/campus-heat-pump.yaml.
report-png: report chromium python-deps
	$(RELEASE_BIN) batch Sites/batches/climate-2050.yaml --output $(REPORT_DIR)/batch --quiet
	$(RELEASE_BIN) report $(REPORT_DIR)/batch/summary.h5 --html $(REPORT_DIR)/batch.html
	$(RELEASE_BIN) size $(SITE) --spec Sites/sizing/campus-heat-pump.yaml --output $(REPORT_DIR)/sizing --quiet
	$(RELEASE_BIN) report $(REPORT_DIR)/sizing/sizing.h5 --html $(REPORT_DIR)/sizing.html
	@for name in site batch sizing; do \
		timeout 120 $(CHROMIUM) $(CHROMIUM_FLAGS) --window-size=$(REPORT_WIDTH),$(REPORT_HEIGHT) \
			--screenshot=$(CURDIR)/$(REPORT_DIR)/$$name.png file://$(CURDIR)/$(REPORT_DIR)/$$name.html 2>/dev/null || exit 1; \
	done
	timeout 120 $(CHROMIUM) $(CHROMIUM_FLAGS) --print-to-pdf=$(CURDIR)/$(REPORT_DIR)/site.pdf \
		file://$(CURDIR)/$(REPORT_DIR)/site.html 2>/dev/null
	@test -s $(REPORT_DIR)/site.pdf || { echo "FAIL: $(REPORT_DIR)/site.pdf was not written"; exit 1; }
	$(PYTHON) Tests/python/check_png.py $(REPORT_DIR)/site.png $(REPORT_DIR)/batch.png $(REPORT_DIR)/sizing.png
