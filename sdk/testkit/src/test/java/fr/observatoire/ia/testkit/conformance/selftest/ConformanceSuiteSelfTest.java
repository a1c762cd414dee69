package fr.observatoire.ia.testkit.conformance.selftest;

import com.example.helpdesk.observatoire.HelpdeskCsvPluginConformanceTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suites tell a conforming plugin from a flawed one: the guide's example and a sample push plugin pass every
 * test, and each deliberate defect fails the tests of the rule it breaks, and only those.
 */
class ConformanceSuiteSelfTest {

    @Test
    void theGuidesExamplePassesEveryTest() {
        SuiteRun run = SuiteRun.of(HelpdeskCsvPluginConformanceTest.class);

        assertThat(run.failed()).isEmpty();
        assertThat(run.skipped()).isEmpty();
        assertThat(run.succeeded()).hasSize(25).contains("aFailingSourceGivesOnlyAPluginExceptionAndTheNextPullRecovers[GARBAGE]",
                "aFailureSaysWhetherItIsTransient[UNAUTHORIZED]", "nothingPersonalLeavesInABatch");
    }

    @Test
    void aPluginKeepingAnEmailInItsCursorFailsThePrivacyCheck() {
        SuiteRun run = SuiteRun.of(FlawedConformance.Leaking.class);

        assertThat(run.failed()).containsOnlyKeys("nothingPersonalLeavesInABatch");
        assertThat(run.failed().get("nothingPersonalLeavesInABatch")).contains("jeanne.martin").contains("e-mail address");
    }

    @Test
    void aPluginThrowingAnotherExceptionOnGarbageFailsTheIsolationCheck() {
        SuiteRun run = SuiteRun.of(FlawedConformance.Throwing.class);

        assertThat(run.failed()).containsOnlyKeys("aFailingSourceGivesOnlyAPluginExceptionAndTheNextPullRecovers[GARBAGE]");
        assertThat(run.failed().values()).allSatisfy(message -> assertThat(message).contains("IllegalStateException")
                .contains("only a PluginException may leave a pull"));
    }

    @Test
    void aPluginIgnoringTheCursorFailsTheCursorChecks() {
        SuiteRun run = SuiteRun.of(FlawedConformance.CursorIgnoring.class);

        assertThat(run.failed()).containsOnlyKeys("aPullResumedAfterARestartCountsOnlyTheNewRecords", "pullingAgainWithoutNewDataCountsNothing");
        assertThat(run.failed().get("aPullResumedAfterARestartCountsOnlyTheNewRecords")).contains("add up to one pull");
    }

    @Test
    void theSamplePushPluginPassesEveryTest() {
        SuiteRun run = SuiteRun.of(ChatbotPushPluginConformanceTest.class);

        assertThat(run.failed()).isEmpty();
        assertThat(run.skipped()).isEmpty();
        assertThat(run.succeeded()).hasSize(7);
    }

    @Test
    void aPushPluginLettingTheObservatorysFailureReachTheHostFailsTheHarmCheck() {
        assertThat(SuiteRun.of(ChatbotPushPluginConformanceTest.Unguarded.class).failed())
                .containsOnlyKeys("aFailingObservatoryNeverReachesTheHost");
    }

    @Test
    void aPushPluginRecordingAfterStopFailsTheLifecycleCheck() {
        assertThat(SuiteRun.of(ChatbotPushPluginConformanceTest.Sticky.class).failed())
                .containsOnlyKeys("afterStopNothingReachesTheOldObservatory");
    }

    @Test
    void aPushPluginNamingSeriesAfterItsUsersFailsThePrivacyCheck() {
        assertThat(SuiteRun.of(ChatbotPushPluginConformanceTest.PerUser.class).failed())
                .containsOnlyKeys("nothingPersonalIsRecorded");
    }
}
