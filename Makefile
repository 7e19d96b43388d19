# Shortcuts for the two README commands.
.PHONY: run test build
run:
	scripts/run.sh
test:
	scripts/test.sh
build:
	scripts/build.sh
