package org.crmkit.scoring.basket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.crmkit.core.customer.ContactChannel;
import org.crmkit.core.customer.ContactPoints;
import org.crmkit.core.customer.Consents;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.Email;
import org.crmkit.core.customer.PersonName;
import org.crmkit.core.customer.PersonProfile;
import org.junit.jupiter.api.Test;

class NextBestProductTest {
    private static AssociationRule rule(List<String> lhs, String rhs, double conf, double lift) {
        return new AssociationRule(lhs, List.of(rhs), 0.1, conf, lift, 0.01, OptionalDouble.of(1.5), 10);
    }

    private static final List<AssociationRule> RULES = List.of(
            rule(List.of("garden"), "tools", 0.6, 3.0),
            rule(List.of("garden", "paint"), "tools", 0.8, 2.5),
            rule(List.of("garden"), "seeds", 0.7, 2.0),
            rule(List.of("paint"), "brushes", 0.5, 4.0),
            rule(List.of(), "books", 0.3, 1.0),
            rule(List.of("kitchen"), "knives", 0.9, 5.0));

    @Test
    void recommend_byConfidence_keepsTheBestRulePerItemAndSkipsOwnedItems() {
        NextBestProduct nbp = NextBestProduct.builder(RULES).build();
        List<Recommendation> r = nbp.recommend(Set.of("garden", "paint", "seeds"), 3);
        // fired: garden=>tools .6, garden+paint=>tools .8, garden=>seeds (owned), paint=>brushes .5, {}=>books .3
        assertThat(r).extracting(Recommendation::item).containsExactly("tools", "brushes", "books");
        assertThat(r.get(0).rule().lhs()).containsExactly("garden", "paint");
        assertThat(r.get(0).score()).isEqualTo(0.8);
    }

    @Test
    void recommend_byLift_ranksByLiftAndKeepsTheHighestLiftRule() {
        NextBestProduct nbp = NextBestProduct.builder(RULES).ranking(Ranking.LIFT).build();
        List<Recommendation> r = nbp.recommend(List.of("garden", "paint"), 2);
        assertThat(r).extracting(Recommendation::item).containsExactly("brushes", "tools");
        assertThat(r.get(1).rule().lhs()).containsExactly("garden");          // lift 3.0 beats 2.5
    }

    @Test
    void recommend_byExpectedValue_isConfidenceTimesMarginTimesPAlive() {
        NextBestProduct nbp = NextBestProduct.builder(RULES).ranking(Ranking.EXPECTED_VALUE)
                .margins(Map.of("tools", 10.0, "seeds", 20.0, "books", 1.0)).build();
        List<Recommendation> r = nbp.recommend(Set.of("garden"), 5, 0.5);
        // seeds .7*20*.5 = 7; tools .6*10*.5 = 3; books .3*1*.5 = .15; no margin for others
        assertThat(r).extracting(Recommendation::item).containsExactly("seeds", "tools", "books");
        assertThat(r.get(0).score()).isCloseTo(7.0, within(1e-12));
        assertThat(r.get(2).score()).isCloseTo(0.15, within(1e-12));
    }

    @Test
    void recommend_noHistory_onlyEmptyLhsRulesFire() {
        assertThat(NextBestProduct.builder(RULES).build().recommend(Set.of(), 3))
                .extracting(Recommendation::item).containsExactly("books");
    }

    @Test
    void recommend_badArguments() {
        NextBestProduct nbp = NextBestProduct.builder(RULES).build();
        assertThatThrownBy(() -> nbp.recommend(Set.of(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> nbp.recommend(Set.of(), 1, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> nbp.recommend(null, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> NextBestProduct.builder(RULES).ranking(Ranking.EXPECTED_VALUE).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> NextBestProduct.builder(RULES).margins(Map.of("a", -1.0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Customer customer(String id, boolean emailConsent, boolean email) {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        Customer.Builder b = Customer.builder(CustomerId.of(id),
                PersonProfile.builder(PersonName.of("Ann", "Lee"), java.time.Clock.fixed(at, java.time.ZoneOffset.UTC))
                        .build());
        if (email) {
            b.contacts(ContactPoints.empty().withEmail(Email.of(id.toLowerCase() + "@example.com")));
        }
        b.consents(emailConsent ? Consents.none().grant(ContactChannel.EMAIL, at) : Consents.none());
        return b.build();
    }

    @Test
    void targetList_excludesOptedOutAndUnreachableCustomers() {
        Instant at = Instant.parse("2026-02-01T00:00:00Z");
        Customer optedOut = customer("C-2", true, true).optOut(ContactChannel.EMAIL, at);
        List<Customer> customers = List.of(customer("C-1", true, true), optedOut, customer("C-3", false, true),
                customer("C-4", true, false), customer("C-5", true, true));
        Map<CustomerId, Set<String>> owned = Map.of(CustomerId.of("C-1"), Set.of("garden"),
                CustomerId.of("C-2"), Set.of("kitchen"), CustomerId.of("C-5"), Set.of("kitchen"));
        NextBestProduct nbp = NextBestProduct.builder(RULES.subList(0, 4)).build();   // no {} => rule
        TargetList list = TargetList.of(customers, ContactChannel.EMAIL, owned::get,
                NextBestProduct.builder(RULES).build(), 2, id -> 1.0);
        assertThat(list.optedOut()).isEqualTo(2);        // C-2 opted out, C-3 never consented
        assertThat(list.unreachable()).isEqualTo(1);     // C-4 has no e-mail address
        assertThat(list.targets()).extracting(TargetList.Target::customer)
                .containsExactly(CustomerId.of("C-5"), CustomerId.of("C-1"));   // knives .9 before seeds .7
        TargetList noFallback = TargetList.of(customers, ContactChannel.EMAIL, id -> null, nbp, 2, id -> 1.0);
        assertThat(noFallback.withoutOffer()).isEqualTo(2);
        assertThat(noFallback.targets()).isEmpty();
    }

    @Test
    void evaluate_hitRatePrecisionRecallByHand() {
        NextBestProduct nbp = NextBestProduct.builder(RULES).build();
        Map<String, Set<String>> calibration = Map.of(
                "a", Set.of("garden"),          // offered seeds .7, tools .6 (k = 2)
                "b", Set.of("kitchen"),         // offered knives .9, books .3
                "c", Set.of("paint"),           // offered brushes, books
                "d", Set.of("garden"));         // no holdout: not evaluated
        Map<String, Set<String>> holdout = Map.of(
                "a", Set.of("tools", "seeds", "paint"),   // 2 hits of 3 relevant
                "b", Set.of("kitchen", "forks"),          // relevant {forks}: 0 hits
                "c", Set.of("brushes"),                   // 1 hit of 1
                "e", Set.of("tools"));                    // unknown before: not evaluated
        TopKMetrics m = TopKEvaluation.evaluate(calibration, holdout, TopKEvaluation.of(nbp), 2);
        assertThat(m.customers()).isEqualTo(3);
        assertThat(m.hitRate()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.precision()).isCloseTo((2.0 / 2 + 0 + 1.0 / 2) / 3, within(1e-12));
        assertThat(m.recall()).isCloseTo((2.0 / 3 + 0 + 1.0) / 3, within(1e-12));
    }

    @Test
    void popularity_ranksByOwnersAndSkipsOwned() {
        Map<String, Set<String>> calibration = Map.of("a", Set.of("x", "y"), "b", Set.of("x", "z"),
                "c", Set.of("x", "y"));
        TopKEvaluation.Recommender pop = TopKEvaluation.popularity(calibration);
        assertThat(pop.recommend(Set.of(), 2)).containsExactly("x", "y");
        assertThat(pop.recommend(Set.of("x"), 2)).containsExactly("y", "z");
        TopKMetrics none = TopKEvaluation.evaluate(calibration, Map.of(), pop, 3);
        assertThat(none.customers()).isZero();
        assertThat(none.hitRate()).isZero();
    }
}
