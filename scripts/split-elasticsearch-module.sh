#!/usr/bin/env bash
# Moves the Elasticsearch executor out of remote-clusters-core into remote-clusters-elasticsearch
# (issue 18, items 0 and 3). Re-runnable: run it from the repository root on any tree (main, a
# merge of other branches, or a tree where it already ran); every step checks before it acts, and
# a second run changes nothing.
#
#   scripts/split-elasticsearch-module.sh            # move, rewrite, print what is left to check
#   mvn -B -q -o test-compile -pl remote-clusters-cli,remote-clusters-elasticsearch -am
#
# ---------------------------------------------------------------------------------------------
# MEASURED BEFORE THE SPLIT (main at c45aea7, `grep -r "import io.github.remoteclusters.core.X"`)
#   model/planner -> executor: 2 references in all of core's model, checks and planners:
#     TopologyReader -> core.internal.access.PemCaFiles (reading a CA file)
#     PlanFormatter  -> core.spi.ClusterAccess.environmentPrefix (the ES_<NAME>_* variable names)
#   executor -> core.internal: Json (11 uses), StepTrees (request bodies, 5), AccessReader (4),
#     LocalRoleNames (1), ModelRules (alias rule in JsonFileOwnershipStore, 1).
#   other modules -> core.internal: k8s Translator -> StepTrees (eckEntry, aliasSettings);
#     benchmarks SettingsValidatorBenchmark -> SettingsCheck.validate(JsonNode).
#   elasticsearch-java / Apache HttpClient: only core.internal.es (EsConnector, EsSession, ...).
#   core tests that use the executor outside its packages: NullParameterTest only.
#
# PLAN
#   1. (commits before this script, on branch `struct`; ordinary edits that merge by themselves)
#      - CaTrust.PemFile.read(Path): the model reads CA files; TopologyReader and PemCaFiles use it.
#      - PlanFormatter.environmentPrefix(name): the one home of ES_<NAME>; ClusterAccess and
#        EnvironmentAccess delegate to it.
#      - StepEncoder.remoteSettings(PutRemoteSettings), StepEncoder.eckRemoteCluster(Declare...):
#        JSON text of what k8s needed from StepTrees; k8s Translator parses it with Serialization.
#      - StepPayload.CreateLocalRole.roleName(alias), RemoteClusterSettingsValidator.aliasError(a).
#      - the executor reads request bodies from StepEncoder (JSON text) and access JSON from
#        CrossClusterAccess.toJson() through its own core.internal.es.EsJson (moves with it).
#      - benchmarks: SettingsValidatorBenchmark.parsedBody removed (the API takes text only).
#   2. (this script) move the packages, rewrite package names everywhere, build files, module-info.
#
# WHAT THIS SCRIPT DOES (each step idempotent)
#   a. git mv, file by file (so files other branches add to the old folders move too):
#        core/apply            -> elasticsearch            (io.github.remoteclusters.elasticsearch)
#        core/spi              -> elasticsearch/spi
#        core/watch            -> elasticsearch/watch      (the link watcher, where it exists)
#        core/internal/es      -> elasticsearch/internal/es
#        core/internal/apply   -> elasticsearch/internal/apply
#        core/internal/access  -> elasticsearch/internal/access
#      for src/main/java and src/test/java of remote-clusters-core into remote-clusters-elasticsearch.
#   b. perl over every tracked *.java, *.md, *.yaml, *.yml, *.txt, *.sh, *.properties file and
#      META-INF/services files: package and import names (full and short forms such as
#      `core.apply.Reconciler` in prose) and source paths of moved files in docs.
#   c. remote-clusters-elasticsearch/pom.xml (created when absent; depends on core, core's
#      test-jar for StepSamples, testkit); parent pom <modules> and <dependencyManagement> (the new
#      module and core's test-jar); bom; cli, demo, k8s and benchmarks depend on it when their main
#      code imports it (on main: cli, demo, and benchmarks for LinkWatcherBenchmark).
#   d. remote-clusters-core/pom.xml: elasticsearch-java and slf4j-api (and the comments above them)
#      removed; micrometer-core and micrometer-registry-prometheus moved to the new module;
#      Automatic-Module-Name removed; a test-jar of core.plan.StepSamples; tests compiled into the
#      module with java.net.http and java.compiler added, run on the class path (useModulePath).
#   e. remote-clusters-core/src/main/java/module-info.java (created when absent): exports only
#      io.github.remoteclusters.core, .plan, .settings, .upgrade.
#   f. NullParameterTest: the executor's rows (ClusterEndpoint, ClusterAccess, OwnershipStore,
#      Reconciler) move to remote-clusters-elasticsearch's NullParameterTest.
#   g. README module table: the new row, core's row no longer names the applier/elasticsearch-java.
#   h. prints what is left: imports of core.internal outside core, elasticsearch-java in core.
#
# CHECKED: on branch struct (compiles, unit tests pass) and on main at 55e37c1 merged with the
#   step-1 commits (one conflict, JsonFileOwnershipStore imports, taken from main; step b2 then
#   rewrote it): the script runs cleanly, a second run changes nothing, and everything compiles.
#   Note: without elasticsearch-java in core, k8s resolves fabric8's own Jackson 3
#   (tools.jackson.core 3.1.8); run Maven once without -o if that is not in ~/.m2 yet.
#
# PREREQUISITE: the commits of plan step 1 (branch `struct` before "split" commit); the script
#   stops with exit 2 when they are missing. Step b2 rewrites the executor's remaining uses of
#   core.internal.Json/ModelRules/LocalRoleNames/AccessReader that other branches add.
#
# HAND EDITS (not done by this script; redo them after a merge if the merged tree lacks them)
#   H1. docs/architecture.md: the section "Data flow" (topology -> checks -> plan -> executor
#       ES/ECK), the module table rows of core and remote-clusters-elasticsearch and the package
#       list of the new module (written by hand in the split commit on branch struct; take that
#       file's text from there).
#   H3. remote-clusters-core/src/test/java/io/github/remoteclusters/core/CoreModuleTest.java (new
#       file on branch struct): the module descriptor exports the four API packages only and
#       requires no Elasticsearch client.
#   H2. Anything new that the final report of this script (step h) lists: an import of
#       core.internal from another module has to go through API (see step 1 above for examples).
# ---------------------------------------------------------------------------------------------
set -euo pipefail

ROOT=$(git rev-parse --show-toplevel)
cd "$ROOT"

CORE=remote-clusters-core
ES=remote-clusters-elasticsearch
CPKG=io/github/remoteclusters/core
EPKG=io/github/remoteclusters/elasticsearch

say() { printf '[split] %s\n' "$*"; }

# --- preflight: the step-1 commits (API the executor needs) must be in this tree --------------
if [ ! -f "$CORE/src/main/java/$CPKG/internal/es/EsJson.java" ] \
    && [ ! -f "$ES/src/main/java/$EPKG/internal/es/EsJson.java" ]; then
  echo "[split] the executor's EsJson is missing: merge branch struct's commits before its split" \
    "(plan step 1) first" >&2
  exit 2
fi
if grep -q 'ClusterAccess\.environmentPrefix' "$CORE/src/main/java/$CPKG/plan/PlanFormatter.java" 2>/dev/null; then
  echo "[split] PlanFormatter still uses ClusterAccess: merge branch struct's plan step 1 first" >&2
  exit 2
fi

# --- a. moves --------------------------------------------------------------------------------
move_tree() {
  local src=$1 dst=$2 f rel t
  [ -d "$src" ] || return 0
  while IFS= read -r -d '' f; do
    rel=${f#"$src"/}
    t=$dst/$rel
    if [ -e "$t" ]; then
      echo "[split] CONFLICT: $f and $t both exist; merge them by hand" >&2
      continue
    fi
    mkdir -p "$(dirname "$t")"
    if git ls-files --error-unmatch "$f" >/dev/null 2>&1; then
      git mv "$f" "$t"
    else
      mv "$f" "$t"
    fi
  done < <(find "$src" -type f -print0 | sort -z)
  find "$src" -depth -type d -empty -delete 2>/dev/null || true
}

# LinkFootprint is the planner's input (removals are planned from what is owned): it stays in
# core, in core.plan, wherever a branch put it
for fp in "$CORE/src/main/java/$CPKG/spi/LinkFootprint.java" "$ES/src/main/java/$EPKG/spi/LinkFootprint.java"; do
  if [ -f "$fp" ] && [ ! -f "$CORE/src/main/java/$CPKG/plan/LinkFootprint.java" ]; then
    git mv "$fp" "$CORE/src/main/java/$CPKG/plan/LinkFootprint.java"
    sed -i 's/^package .*;/package io.github.remoteclusters.core.plan;/' "$CORE/src/main/java/$CPKG/plan/LinkFootprint.java"
  fi
done
git ls-files -- '*.java' '*.md' | xargs grep -l 'spi\.LinkFootprint' 2>/dev/null | xargs -r \
  sed -i 's/io\.github\.remoteclusters\.\(core\|elasticsearch\)\.spi\.LinkFootprint/io.github.remoteclusters.core.plan.LinkFootprint/g' || true

for kind in main test; do
  from=$CORE/src/$kind/java/$CPKG
  to=$ES/src/$kind/java/$EPKG
  move_tree "$from/internal/es" "$to/internal/es"
  move_tree "$from/internal/apply" "$to/internal/apply"
  move_tree "$from/internal/access" "$to/internal/access"
  move_tree "$from/spi" "$to/spi"
  move_tree "$from/watch" "$to/watch"
  move_tree "$from/apply" "$to"
done
say "packages moved"

# --- b. package names ------------------------------------------------------------------------
mapfile -t FILES < <(git ls-files -- '*.java' '*.md' '*.yaml' '*.yml' '*.txt' '*.sh' \
  '*.properties' '*META-INF/services/*' | grep -v '^scripts/split-elasticsearch-module.sh$' || true)
# untracked moved files (a file another branch added and this script moved with mv)
mapfile -t -O "${#FILES[@]}" FILES < <(git ls-files --others --exclude-standard -- '*.java' || true)
if [ "${#FILES[@]}" -gt 0 ]; then
  printf '%s\0' "${FILES[@]}" | xargs -0 grep -lE \
    'remoteclusters\.core\.(apply|spi|watch|internal\.(es|apply|access))\b|\bcore\.(apply|spi|watch|internal\.(es|apply|access))\b|remote-clusters-core/src/(main|test)/java/io/github/remoteclusters/core/(apply|spi|watch|internal/(es|apply|access))\b' \
    2>/dev/null | while IFS= read -r f; do
      [ -f "$f" ] || continue
      perl -pi -e '
        s{\bio\.github\.remoteclusters\.core\.internal\.(es|apply|access)\b}{io.github.remoteclusters.elasticsearch.internal.$1}g;
        s{\bio\.github\.remoteclusters\.core\.(spi|watch)\b}{io.github.remoteclusters.elasticsearch.$1}g;
        s{\bio\.github\.remoteclusters\.core\.apply\b}{io.github.remoteclusters.elasticsearch}g;
        s{remote-clusters-core/src/(main|test)/java/io/github/remoteclusters/core/internal/(es|apply|access)\b}{remote-clusters-elasticsearch/src/$1/java/io/github/remoteclusters/elasticsearch/internal/$2}g;
        s{remote-clusters-core/src/(main|test)/java/io/github/remoteclusters/core/(spi|watch)\b}{remote-clusters-elasticsearch/src/$1/java/io/github/remoteclusters/elasticsearch/$2}g;
        s{remote-clusters-core/src/(main|test)/java/io/github/remoteclusters/core/apply\b}{remote-clusters-elasticsearch/src/$1/java/io/github/remoteclusters/elasticsearch}g;
        s{(?<![\w.])core\.internal\.(es|apply|access)\b}{elasticsearch.internal.$1}g;
        s{(?<![\w.])core\.(spi|watch)\b}{elasticsearch.$1}g;
        s{(?<![\w.])core\.apply\b}{elasticsearch}g;
      ' "$f"
    done || true
fi
say "package names rewritten"

# --- b2. the executor's last uses of core.internal, rewritten to the API of plan step 1 ---------
# (code other branches add keeps using core's internal helpers; these have a mechanical form)
git ls-files -- "$ES/src/main/java/*.java" | while IFS= read -r f; do
  grep -qE 'import io\.github\.remoteclusters\.core\.internal\.(Json|ModelRules|LocalRoleNames|AccessReader);' "$f" || continue
  perl -0pi -e '
    if (s{import io\.github\.remoteclusters\.core\.internal\.Json;}{import io.github.remoteclusters.elasticsearch.internal.es.EsJson;}) {
      s{(?<![\w.])Json\.}{EsJson.}g;
    }
    if (s{import io\.github\.remoteclusters\.core\.internal\.AccessReader;\n}{}) {
      s{(?<![\w.])AccessReader\.json\(}{EsJson.access(}g;
      s{^(package [^;]+;\n\n)}{$1import io.github.remoteclusters.elasticsearch.internal.es.EsJson;\n}m
        unless m{import io\.github\.remoteclusters\.elasticsearch\.internal\.es\.EsJson;};
    }
    if (s{import io\.github\.remoteclusters\.core\.internal\.LocalRoleNames;\n}{}) {
      s{(?<![\w.])LocalRoleNames\.of\(}{io.github.remoteclusters.core.plan.StepPayload.CreateLocalRole.roleName(}g;
    }
    if (s{import io\.github\.remoteclusters\.core\.internal\.ModelRules;}{import io.github.remoteclusters.core.settings.RemoteClusterSettingsValidator;}) {
      s{(?<![\w.])ModelRules\.aliasError\(((?:[^()]|\((?1)\))*)\)}{RemoteClusterSettingsValidator.aliasError($1).orElse(null)}g;
    }
  ' "$f"
  echo "[split] rewrote core.internal helpers in $f"
done

# --- c. the new module's pom, parent, bom, cli -----------------------------------------------
if [ ! -f "$ES/pom.xml" ]; then
  mkdir -p "$ES"
  cat > "$ES/pom.xml" <<'POM'
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>io.github.remoteclusters</groupId>
    <artifactId>remote-clusters-parent</artifactId>
    <version>0.1.0-SNAPSHOT</version>
  </parent>

  <artifactId>remote-clusters-elasticsearch</artifactId>
  <name>remote-clusters-elasticsearch</name>
  <description>The Elasticsearch executor of a plan: the reconciler (apply, verify, status, key rotation) over the official elasticsearch-java client, with the ownership stores and cluster access it uses.</description>

  <dependencies>
    <dependency>
      <groupId>io.github.remoteclusters</groupId>
      <artifactId>remote-clusters-core</artifactId>
    </dependency>
    <dependency>
      <groupId>com.fasterxml.jackson.core</groupId>
      <artifactId>jackson-databind</artifactId>
    </dependency>
    <!--
      elasticsearch-java declares slf4j-api 1.7 (its "StaticLoggerBinder" warning); declaring 2.x here
      makes it the nearest version for every user of this module
    -->
    <dependency>
      <groupId>org.slf4j</groupId>
      <artifactId>slf4j-api</artifactId>
    </dependency>
    <!-- the official client: the transport of every request this module sends -->
    <dependency>
      <groupId>co.elastic.clients</groupId>
      <artifactId>elasticsearch-java</artifactId>
    </dependency>
    <dependency>
      <groupId>org.junit.jupiter</groupId>
      <artifactId>junit-jupiter</artifactId>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>org.junit.jupiter</groupId>
      <artifactId>junit-jupiter-params</artifactId>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>org.junit.platform</groupId>
      <artifactId>junit-platform-launcher</artifactId>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>org.assertj</groupId>
      <artifactId>assertj-core</artifactId>
      <scope>test</scope>
    </dependency>
    <!-- tests log nowhere: no "No SLF4J providers" block in the build output -->
    <dependency>
      <groupId>org.slf4j</groupId>
      <artifactId>slf4j-nop</artifactId>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>io.github.remoteclusters</groupId>
      <artifactId>remote-clusters-compat</artifactId>
      <type>test-jar</type>
      <scope>test</scope>
    </dependency>
    <!-- core's step samples (StepSamples): every payload kind, for the applier's tests -->
    <dependency>
      <groupId>io.github.remoteclusters</groupId>
      <artifactId>remote-clusters-core</artifactId>
      <type>test-jar</type>
      <scope>test</scope>
    </dependency>
    <!-- real Elasticsearch nodes for the *IT tests; test scope: no server jar reaches users -->
    <dependency>
      <groupId>io.github.remoteclusters</groupId>
      <artifactId>remote-clusters-testkit</artifactId>
      <scope>test</scope>
    </dependency>
  </dependencies>

  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-jar-plugin</artifactId>
        <configuration>
          <archive>
            <manifestEntries>
              <Automatic-Module-Name>io.github.remoteclusters.elasticsearch</Automatic-Module-Name>
            </manifestEntries>
          </archive>
        </configuration>
      </plugin>
    </plugins>
  </build>
</project>
POM
  say "created $ES/pom.xml"
fi

python3 - "$CORE" "$ES" <<'PY'
import re, sys, pathlib
core, es = sys.argv[1], sys.argv[2]

def edit(path, fn):
    p = pathlib.Path(path)
    if not p.exists():
        return
    s = p.read_text()
    t = fn(s)
    if t != s:
        p.write_text(t)
        print(f"[split] edited {path}")

def dep_block(indent, artifact, extra=""):
    i = indent
    return (f"{i}<dependency>\n{i}  <groupId>io.github.remoteclusters</groupId>\n"
            f"{i}  <artifactId>{artifact}</artifactId>\n{extra}{i}</dependency>\n")

# parent: module list and dependencyManagement
def parent(s):
    if f"<module>{es}</module>" not in s:
        s = s.replace(f"    <module>{core}</module>\n",
                      f"    <module>{core}</module>\n    <module>{es}</module>\n", 1)
    if f"<artifactId>{es}</artifactId>" not in s:
        m = re.search(r"( *)<dependency>\s*<groupId>io\.github\.remoteclusters</groupId>\s*"
                      rf"<artifactId>{core}</artifactId>\s*<version>\$\{{project\.version\}}</version>\s*"
                      r"</dependency>\n", s)
        if m:
            ind = m.group(1)
            s = s[:m.end()] + dep_block(ind, es, f"{ind}  <version>${{project.version}}</version>\n") + s[m.end():]
    if not re.search(rf"<artifactId>{core}</artifactId>\s*<version>[^<]*</version>\s*<type>test-jar</type>", s):
        m = re.search(r"( *)<dependency>\s*<groupId>io\.github\.remoteclusters</groupId>\s*"
                      rf"<artifactId>{core}</artifactId>\s*<version>\$\{{project\.version\}}</version>\s*"
                      r"</dependency>\n", s)
        if m:
            ind = m.group(1)
            s = s[:m.end()] + dep_block(ind, core, f"{ind}  <version>${{project.version}}</version>\n"
                                        f"{ind}  <type>test-jar</type>\n") + s[m.end():]
    return s
edit("pom.xml", parent)

# bom
def bom(s):
    if f"<artifactId>{es}</artifactId>" in s:
        return s
    m = re.search(r"( *)<dependency>\s*<groupId>io\.github\.remoteclusters</groupId>\s*"
                  rf"<artifactId>{core}</artifactId>\s*<version>([^<]*)</version>\s*</dependency>\n", s)
    if m:
        ind = m.group(1)
        s = s[:m.end()] + dep_block(ind, es, f"{ind}  <version>{m.group(2)}</version>\n") + s[m.end():]
    return s
edit("bom/pom.xml", bom)

# cli (and anything else whose main code uses the executor) depends on the new module
def needs(module):
    src = pathlib.Path(module, "src", "main", "java")
    return src.exists() and any("io.github.remoteclusters.elasticsearch" in f.read_text()
                                for f in src.rglob("*.java"))
def add_dep(module, scope=None):
    def fn(s):
        if f"<artifactId>{es}</artifactId>" in s:
            return s
        m = re.search(r"( *)<dependency>\s*<groupId>io\.github\.remoteclusters</groupId>\s*"
                      rf"<artifactId>{core}</artifactId>\s*(<scope>[^<]*</scope>\s*)?</dependency>\n", s)
        if not m:
            print(f"[split] WARNING: {module}/pom.xml has no {core} dependency to put {es} after")
            return s
        ind = m.group(1)
        extra = f"{ind}  <scope>{scope}</scope>\n" if scope else ""
        return s[:m.end()] + dep_block(ind, es, extra) + s[m.end():]
    edit(f"{module}/pom.xml", fn)
for module in ["remote-clusters-cli", "remote-clusters-demo", "remote-clusters-k8s", "benchmarks"]:
    if needs(module):
        add_dep(module)

# dependencies only the executor uses move from core's pom to the new module's, comment and all
MOVE = ["micrometer-core", "micrometer-registry-prometheus"]
def dep_re(artifact):
    return re.compile(r"(\n *<!--(?:(?!-->).)*-->)?\n *<dependency>\s*<groupId>[^<]*</groupId>\s*"
                      rf"<artifactId>{artifact}</artifactId>(?:(?!</dependency>).)*</dependency>", re.S)
core_pom_text = pathlib.Path(core, "pom.xml").read_text()
def es_pom(s):
    for artifact in MOVE:
        m = dep_re(artifact).search(core_pom_text)
        if m and f"<artifactId>{artifact}</artifactId>" not in s:
            anchor = "\n    <dependency>\n      <groupId>org.junit.jupiter</groupId>"
            s = s.replace(anchor, m.group(0).replace("remoteclusters.core.watch",
                                                      "remoteclusters.elasticsearch.watch") + anchor, 1)
    return s
edit(f"{es}/pom.xml", es_pom)

# core: no elasticsearch-java, no slf4j-api; module-info instead of Automatic-Module-Name
def core_pom(s):
    for artifact in ["elasticsearch-java", "slf4j-api"] + MOVE:
        s = dep_re(artifact).sub("", s)
    s = re.sub(r"\n *<plugin>\s*<groupId>org\.apache\.maven\.plugins</groupId>\s*"
               r"<artifactId>maven-jar-plugin</artifactId>\s*<configuration>\s*<archive>\s*"
               r"<manifestEntries>\s*<Automatic-Module-Name>io\.github\.remoteclusters\.core"
               r"</Automatic-Module-Name>\s*</manifestEntries>\s*</archive>\s*</configuration>\s*"
               r"</plugin>", "", s, flags=re.S)
    if "<useModulePath>false</useModulePath>" not in s:
        plugins = """      <!--
        tests are compiled into the module (patched in): the JDK modules they use, and only they,
        are added for them
      -->
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-compiler-plugin</artifactId>
        <executions>
          <execution>
            <id>default-testCompile</id>
            <configuration>
              <compilerArgs combine.children="append">
                <arg>--add-modules</arg>
                <arg>java.net.http,java.compiler</arg>
                <arg>--add-reads</arg>
                <arg>io.github.remoteclusters.core=java.net.http,java.compiler</arg>
              </compilerArgs>
            </configuration>
          </execution>
        </executions>
      </plugin>
      <!--
        core is a named module (module-info.java); its tests run on the class path, as most users
        run it, with test dependencies that are not modules
      -->
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-surefire-plugin</artifactId>
        <configuration>
          <useModulePath>false</useModulePath>
        </configuration>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-failsafe-plugin</artifactId>
        <configuration>
          <useModulePath>false</useModulePath>
        </configuration>
      </plugin>
"""
        if re.search(r"<build>\s*<plugins>", s):
            s = re.sub(r"(<build>\s*<plugins>\n)", lambda m: m.group(1) + plugins, s, count=1)
        elif "<build>" not in s:
            s = s.replace("</project>", "\n  <build>\n    <plugins>\n" + plugins + "    </plugins>\n  </build>\n</project>")
        else:
            s = s.replace("<build>", "<build>\n    <plugins>\n" + plugins + "    </plugins>", 1)
    if "<id>test-support</id>" not in s:
        jar = """      <!-- the plan's step samples, for the executors' tests of every step kind -->
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-jar-plugin</artifactId>
        <executions>
          <execution>
            <id>test-support</id>
            <goals>
              <goal>test-jar</goal>
            </goals>
            <configuration>
              <includes>
                <include>io/github/remoteclusters/core/plan/StepSamples*</include>
              </includes>
            </configuration>
          </execution>
        </executions>
      </plugin>
"""
        s = re.sub(r"(<build>\s*<plugins>\n)", lambda m: m.group(1) + jar, s, count=1)
    s = re.sub(r"<build>\s*<plugins>\s*</plugins>\s*</build>", "", s)
    s = s.replace("<description>Remote-cluster link model, topology file, cluster.remote.* settings validation and the link planner.</description>",
                  "<description>Remote-cluster link model, topology file, checks (cluster.remote.* settings, versions, security) and the link and upgrade planners; no Elasticsearch client.</description>")
    return s
edit(f"{core}/pom.xml", core_pom)

# f. NullParameterTest: the executor's rows move with the executor
core_test = pathlib.Path(core, "src/test/java/io/github/remoteclusters/core/NullParameterTest.java")
es_test = pathlib.Path(es, "src/test/java/io/github/remoteclusters/elasticsearch/NullParameterTest.java")
EXEC = re.compile(r"\b(ClusterEndpoint|ClusterAccess|OwnershipStore|Reconciler|CredentialWriter)\b|\bE\.with")
if core_test.exists():
    s = core_test.read_text()
    lines = s.split("\n")
    calls = [i for i, l in enumerate(lines) if l.lstrip().startswith("call(")]
    moved = [lines[i] for i in calls if EXEC.search(lines[i])]
    if moved:
        kept = [i for i in calls if not EXEC.search(lines[i])]
        def body(l):
            l = l.rstrip()
            while l.endswith(";") or l.endswith(","):
                l = l[:-1]
            if l.endswith(")));"):
                l = l[:-1]
            return l
        # each call line is "call(..., () -> ...)" followed by "," or ");"
        def strip_end(l):
            l = l.rstrip()
            if l.endswith(");") and l.count("(") < l.count(")"):
                l = l[:-2]
            elif l.endswith(","):
                l = l[:-1]
            return l
        out = list(lines)
        new_kept = [strip_end(lines[i]) for i in kept]
        for n, i in enumerate(kept):
            out[i] = new_kept[n] + ("," if n < len(kept) - 1 else ");")
        for i in sorted(set(calls) - set(kept), reverse=True):
            del out[i]
        t = "\n".join(out)
        t = re.sub(r"import io\.github\.remoteclusters\.elasticsearch[.\w]*;\n", "", t)
        t = re.sub(r"\n *private static final ClusterEndpoint E = [^\n]*", "", t)
        if "Map." not in t.split("class NullParameterTest")[1]:
            t = t.replace("import java.util.Map;\n", "")
        if "Path." not in t.split("class NullParameterTest")[1] and "(Path)" not in t:
            t = t.replace("import java.nio.file.Path;\n", "")
        core_test.write_text(t)
        rows = [strip_end(l) for l in moved]
        rows = [r + ("," if n < len(rows) - 1 else ");") for n, r in enumerate(rows)]
        if not es_test.exists():
            es_test.parent.mkdir(parents=True, exist_ok=True)
            es_test.write_text("""package io.github.remoteclusters.elasticsearch;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.remoteclusters.elasticsearch.spi.ClusterAccess;
import io.github.remoteclusters.elasticsearch.spi.ClusterEndpoint;
import io.github.remoteclusters.elasticsearch.spi.OwnershipStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A null argument to a public entry point of the Elasticsearch executor is an NPE naming it. */
class NullParameterTest {

  private static final ClusterEndpoint E = ClusterEndpoint.of("http://h:9200");

  static Stream<Arguments> calls() {
    return Stream.of(
""" + "\n".join(rows) + """
  }

  private static Arguments call(String parameter, ThrowingCallable call) {
    return Arguments.of(parameter, call);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("calls")
  void nullIsNamed(String parameter, ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOf(NullPointerException.class).hasMessage(parameter);
  }
}
""")
        else:
            print(f"[split] WARNING: {es_test} exists; add these rows to it by hand:\n" + "\n".join(moved))
        print(f"[split] moved {len(moved)} rows of NullParameterTest")

# g. README module table
def readme(s):
    if f"| `{es}` |" not in s:
        row = (f"| `{es}` | The Elasticsearch executor of a plan: the reconciler (apply, verify, status, "
               "API-key rotation, diagnosis of failures) over the official `elasticsearch-java` client, "
               "the ownership stores and the cluster access it uses; `Reconciler.builder()`. "
               "See [docs/applier.md](docs/applier.md). | core, elasticsearch-java |\n")
        m = re.search(rf"\| `remote-clusters-k8s` \|[^\n]*\n", s)
        if m:
            s = s[:m.start()] + row + s[m.start():]
    s = s.replace(", and the applier/reconciler that runs plans through the official `elasticsearch-java` client. See [docs/topology.md](docs/topology.md), [docs/planner.md](docs/planner.md), [docs/applier.md](docs/applier.md). | compat, security, Jackson, elasticsearch-java |",
                  " and the upgrade planner; no Elasticsearch client. A JPMS module, `io.github.remoteclusters.core`, exporting only its API packages. See [docs/topology.md](docs/topology.md), [docs/planner.md](docs/planner.md). | compat, security, Jackson |")
    return s
edit("README.md", readme)
PY

# --- e. core's module-info -------------------------------------------------------------------
MI=$CORE/src/main/java/module-info.java
if [ ! -f "$MI" ]; then
  cat > "$MI" <<'JAVA'
/**
 * Remote-cluster links as data: the model and topology file, the checks (settings, versions,
 * security) and the planners of links and upgrades. The plan is the contract: executors (the
 * Elasticsearch reconciler of {@code remote-clusters-elasticsearch}, the ECK adapter of {@code
 * remote-clusters-k8s}) interpret its typed steps. Public signatures use JDK types and the types
 * of compat and security only; no Elasticsearch client.
 */
module io.github.remoteclusters.core {
  requires transitive io.github.remoteclusters.compat;
  requires transitive io.github.remoteclusters.security;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires org.yaml.snakeyaml;

  exports io.github.remoteclusters.core;
  exports io.github.remoteclusters.core.plan;
  exports io.github.remoteclusters.core.settings;
  exports io.github.remoteclusters.core.upgrade;
}
JAVA
  git add "$MI"
  say "created $MI"
fi

git add -A "$ES" "$CORE" pom.xml bom/pom.xml >/dev/null 2>&1 || true

# --- h. what is left -------------------------------------------------------------------------
left=0
if git grep -nE 'import (static )?io\.github\.remoteclusters\.core\.internal\.' -- ':!remote-clusters-core' '*.java' \
    | grep -v '/src/test/' ; then
  echo "[split] LEFT: main code outside core imports core.internal (give it API)" >&2; left=1
fi
if git grep -nE 'co\.elastic\.clients|org\.apache\.hc' -- "$CORE/src/main"; then
  echo "[split] LEFT: core main code uses the Elasticsearch client" >&2; left=1
fi
if git grep -nE 'io\.github\.remoteclusters\.elasticsearch' -- "$CORE/src"; then
  echo "[split] LEFT: core refers to the executor" >&2; left=1
fi
say "done$( [ $left = 0 ] && echo ', nothing left' || echo ', see LEFT above')"
