# `sam build` runs `make build-ForecastFunction` here (template.yaml: ForecastFunction Metadata BuildMethod:
# makefile), in a copy of this directory, with ARTIFACTS_DIR set to the function's build directory.
#
# Why not SAM's Maven builder: it needs `mvn` on PATH (not this repository's ./mvnw) and runs `mvn clean install`,
# i.e. the whole unit test suite on every build, then copies target/classes and the runtime dependencies.
# This target builds the function's jar of `./mvnw package` (target/eks-ip-forecaster-lambda.jar: the CLI jar less
# STS and SSO; no runtime interface client, Apache client or joda-time in either, LeanPackageIT) without compiling
# or running tests and puts it under lib/ as eks-ip-forecaster.jar,
# which the java21 runtime puts on the class path (/var/task/lib/*.jar). Needs make and a JDK 21+ (JAVA_HOME or
# java on PATH); the wrapper downloads Maven itself. BuildArtifactIT runs this target and checks the layout.

ARTIFACTS_DIR ?= .aws-sam/manual-build

.PHONY: build-ForecastFunction
build-ForecastFunction:
	sh ./mvnw -q -B -Dmaven.test.skip=true clean package
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp target/eks-ip-forecaster-lambda.jar "$(ARTIFACTS_DIR)/lib/eks-ip-forecaster.jar"
