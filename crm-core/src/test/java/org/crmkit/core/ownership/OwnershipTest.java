package org.crmkit.core.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OwnershipTest {
    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    static final AccountManager ANN = new AccountManager("rep-ann", "Ann");
    static final AccountManager BOB = new AccountManager("rep-bob", "Bob");
    static final AccountManager CID = new AccountManager("rep-cid", "Cid");

    static Ownership annPrimary() {
        return Ownership.none().assign(ANN, AssignmentRole.PRIMARY, T0, "new account");
    }

    private static Arguments bad(String what, Class<? extends Throwable> type, String message, Executable call) {
        return Arguments.of(what, type, message, call);
    }

    static Stream<Arguments> invalidInputs() {
        return Stream.of(
                bad("blank manager name", IllegalArgumentException.class, "accountManager.name",
                        () -> new AccountManager("rep-1", " ")),
                bad("malformed manager id", IllegalArgumentException.class, "accountManager.id",
                        () -> new AccountManager("rep 1", "Ann")),
                bad("null manager", NullPointerException.class, "manager",
                        () -> Ownership.none().assign(null, AssignmentRole.PRIMARY, T0, "x")),
                bad("blank reason", IllegalArgumentException.class, "reason",
                        () -> Ownership.none().assign(ANN, AssignmentRole.PRIMARY, T0, "")),
                bad("end before start", IllegalArgumentException.class, "before it starts",
                        () -> new AccountAssignment(ANN, AssignmentRole.PRIMARY, T0, T0.minusSeconds(1), "x")),
                bad("second primary", IllegalStateException.class, "use handOver",
                        () -> annPrimary().assign(BOB, AssignmentRole.PRIMARY, T0.plusSeconds(5), "x")),
                bad("same manager twice", IllegalStateException.class, "already has an open assignment",
                        () -> annPrimary().assign(ANN, AssignmentRole.SUPPORT, T0.plusSeconds(5), "x")),
                bad("hand over to current primary", IllegalStateException.class, "already is the primary",
                        () -> annPrimary().handOver(ANN, T0.plusSeconds(5), "x")),
                bad("backdated hand-over", IllegalArgumentException.class, "before the latest recorded event",
                        () -> annPrimary().handOver(BOB, T0.minusSeconds(5), "x")),
                bad("end without assignment", IllegalStateException.class, "no open assignment",
                        () -> annPrimary().end(BOB, T0.plusSeconds(5))),
                bad("two open primaries", IllegalArgumentException.class, "at most one open PRIMARY",
                        () -> new Ownership(List.of(
                                new AccountAssignment(ANN, AssignmentRole.PRIMARY, T0, null, "a"),
                                new AccountAssignment(BOB, AssignmentRole.PRIMARY, T0, null, "b")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidInputs")
    void factories_rejectInvalidInput(String what, Class<? extends Throwable> type, String message, Executable call) {
        assertThatThrownBy(call::execute).isInstanceOf(type).hasMessageContaining(message);
    }

    @Test
    void handOver_keepsEveryRecord() {
        Instant t1 = T0.plus(Duration.ofDays(10));
        Instant t2 = T0.plus(Duration.ofDays(20));
        Ownership o = annPrimary().assign(CID, AssignmentRole.SUPPORT, T0, "key account team")
                .handOver(BOB, t1, "Ann left").end(CID, t2);
        assertThat(o.primary()).contains(BOB);
        assertThat(o.history()).hasSize(3);
        assertThat(o.history().get(0)).isEqualTo(new AccountAssignment(ANN, AssignmentRole.PRIMARY, T0, t1,
                "new account"));
        assertThat(o.activeAt(T0.plusSeconds(1))).extracting(AccountAssignment::manager).containsExactly(ANN, CID);
        assertThat(o.activeAt(t1)).extracting(AccountAssignment::manager).containsExactly(CID, BOB);
        assertThat(o.activeAt(t2)).extracting(AccountAssignment::manager).containsExactly(BOB);
    }

    @Test
    void union_keepsBothHistoriesAndOnePrimary() {
        Ownership mine = annPrimary();
        Ownership theirs = Ownership.none().assign(BOB, AssignmentRole.PRIMARY, T0.minusSeconds(60), "imported");
        Instant at = T0.plus(Duration.ofDays(1));
        Ownership merged = mine.union(theirs, at);
        assertThat(merged.history()).hasSize(2);
        assertThat(merged.primary()).contains(ANN);
        assertThat(merged.history().get(0).manager()).isEqualTo(BOB);
        assertThat(merged.history().get(0).until()).isEqualTo(at);
        assertThat(Ownership.none().union(theirs, at).primary()).contains(BOB);
    }
}
