package io.coralbank;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.coralbank.idempotency.TransferIds;
import io.coralbank.web.LedgerTransfersOnly;

/** The rules that keep Coral's shape; a violation fails the build. */
@AnalyzeClasses(packages = "io.coralbank", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule theKernelDependsOnNothingButTheJdk =
      classes()
          .that()
          .resideInAPackage("io.coralbank.kernel..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "io.coralbank.kernel..", "java.lang..", "java.util..", "java.math..", "java.time..")
          .because("the kernel is pure Java: no Spring, no JDBC, no I/O");

  @ArchTest
  static final ArchRule corePackagesNeverImportADialect =
      noClasses()
          .that()
          .resideInAPackage("io.coralbank..")
          .and()
          .resideOutsideOfPackage("io.coralbank.dialect..")
          .and()
          .resideOutsideOfPackage("io.coralbank")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.coralbank.dialect..")
          .because("dialects translate for the core; the core must not know them");

  @ArchTest
  static final ArchRule dialectsNeverImportEachOther =
      slices()
          .matching("io.coralbank.dialect.(*)..")
          .should()
          .notDependOnEachOther()
          .because(
              "each dialect stands alone; what they share belongs in the core or the framework");

  @ArchTest
  static final ArchRule theApplicationRootKnowsNoDialect =
      noClasses()
          .that()
          .resideInAPackage("io.coralbank")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.coralbank.dialect..")
          .because("dialects are discovered by component scanning, not wired by hand");

  @ArchTest
  static final ArchRule clientDialectsOnlyReachLookupsScopedToTheCallersCustomer =
      noClasses()
          .that()
          .resideInAnyPackage(
              "io.coralbank.dialect.bcb..",
              "io.coralbank.dialect.cayman..",
              "io.coralbank.dialect.vaultspay..")
          .should()
          .callMethodWhere(
              com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                  com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates
                      .annotatedWith(io.coralbank.platform.UnscopedLookup.class)))
          .because(
              "another customer's object must be 404 to an API client, so client dialects may"
                  + " only use lookups that take the caller's customer");

  @ArchTest
  static final ArchRule ledgerOnlyHandlersDeriveTheirTransferIdsFromTheKey =
      methods()
          .that()
          .areAnnotatedWith(LedgerTransfersOnly.class)
          .should(
              new ArchCondition<JavaMethod>("derive their transfer ids from the Idempotency-Key") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                  boolean derives =
                      method.getMethodCallsFromSelf().stream()
                          .anyMatch(
                              call ->
                                  call.getTargetOwner().isEquivalentTo(TransferIds.class)
                                      && call.getName().equals("forRequest"));
                  if (!derives) {
                    events.add(
                        SimpleConditionEvent.violated(
                            method,
                            method.getFullName() + " does not call TransferIds.forRequest"));
                  }
                }
              })
          .because(
              "a request whose key was claimed in a batch runs again if its process died before"
                  + " storing the response; only transfer ids derived from the key make that"
                  + " second run move no money");
}
