package org.example.tour;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.crmkit.core.activity.ActivityId;
import org.crmkit.core.activity.Actor;
import org.crmkit.core.activity.Channel;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.customer.Consents;
import org.crmkit.core.customer.ContactChannel;
import org.crmkit.core.customer.ContactPoints;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerStatus;
import org.crmkit.core.customer.Email;
import org.crmkit.core.customer.IncomeBand;
import org.crmkit.core.customer.PersonName;
import org.crmkit.core.customer.PersonProfile;
import org.crmkit.core.json.CrmJson;
import org.crmkit.core.money.Money;
import org.crmkit.core.store.CustomerStore;
import org.crmkit.core.view.CustomerView;
import org.crmkit.scoring.btyd.BgNbd;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.BtydFitter;
import org.crmkit.scoring.btyd.BtydModels;
import org.crmkit.scoring.btyd.FitResult;
import org.crmkit.scoring.btyd.SimulatedCohort;
import org.crmkit.scoring.rfm.RfmScores;
import org.crmkit.scoring.rfm.RfmScorer;
import org.crmkit.scoring.rfm.RfmSegmentMap;
import org.crmkit.scoring.summary.CustomerSummaries;
import org.crmkit.scoring.summary.Summarizer;
import org.crmkit.scoring.summary.TimeUnit;
import org.crmkit.scoring.summary.TransactionLog;

/**
 * The README's five-minute tour (customer model, then scoring) as a consumer writes it: only the
 * published jars, no crmkit test code. Prints one {@code key=value} line per result.
 */
public final class Tour {
    private Tour() {
    }

    public static void main(String[] args) {
        Clock clock = Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC);
        CustomerStore store = CustomerStore.inMemory(clock);

        Customer ann = Customer.builder(CustomerId.of("C-1"),
                        PersonProfile.builder(PersonName.of("Ann", "Lee"), clock)
                                .birthDate(LocalDate.of(1985, 4, 2))
                                .incomeBand(IncomeBand.MIDDLE)
                                .build())
                .status(CustomerStatus.CURRENT)
                .contacts(ContactPoints.empty().withEmail(Email.of("ann.lee@example.com")))
                .consents(Consents.none().grant(ContactChannel.EMAIL, clock.instant()))
                .build();
        Customer stored = store.create(ann);
        store.record(Purchase.of(ActivityId.of("P-1"), ann.id(), clock.instant(), Channel.WEB,
                Actor.CUSTOMER, "SKU-42", "books", 2, Money.of("EUR", "31.80")));
        store.update(stored.optOut(ContactChannel.EMAIL, clock.instant()));

        CustomerView view = CustomerView.load(store, ann.id(), clock);
        System.out.println("core_module=" + Customer.class.getModule().getName());
        System.out.println("orders=" + view.orderCount());
        System.out.println("spend=" + view.totalSpend());
        System.out.println("email_contactable=" + view.customer().contactable(ContactChannel.EMAIL));
        System.out.println("email_shown=" + view.customer().contacts().emails().get(0));
        String json = CrmJson.write(view.customer());
        System.out.println("json_round_trip=" + CrmJson.read(json, Customer.class).equals(view.customer()));

        TransactionLog log = TransactionLog.builder()
                .add("A", LocalDate.of(2026, 1, 5), 20).add("A", LocalDate.of(2026, 3, 2), 35)
                .add("A", LocalDate.of(2026, 6, 1), 15).add("B", LocalDate.of(2026, 2, 9), 80)
                .add("C", LocalDate.of(2026, 1, 12), 10).add("C", LocalDate.of(2026, 1, 26), 12)
                .build();
        CustomerSummaries summaries = Summarizer.builder().timeUnit(TimeUnit.WEEKS)
                .observationEnd(LocalDate.of(2026, 6, 30)).build().summarize(log);
        RfmScores rfm = RfmScorer.builder().bins(5).build().score(summaries);
        System.out.println("customers=" + summaries.size());
        System.out.println("rfm_segments=" + Arrays.toString(RfmSegmentMap.defaults().segments(rfm)));

        // the models come from the module's service providers
        System.out.println("models=" + BtydModels.all().stream().map(m -> m.name()).sorted().toList());
        double[] ages = new double[2000];
        Arrays.fill(ages, 39);
        SimulatedCohort cohort = BgNbd.of(0.25, 4.0, 0.8, 2.4).simulate(ages, 0, 42);
        FitResult<BgNbd> fit = BtydFitter.standard().fit(BgNbd.model(),
                BtydData.of(cohort.frequency(), cohort.recency(), cohort.age()));
        System.out.println("bgnbd_converged=" + fit.converged());
        System.out.println("bgnbd_r=" + fit.model().parameters().get("r"));
    }
}
