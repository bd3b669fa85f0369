package dev.bearing.review;

import dev.bearing.assessment.Assessment;
import dev.bearing.assessment.DemoAssessment;
import dev.bearing.security.Account;
import dev.bearing.support.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** The demo assessment (Northwind Logistics), owned by the test consultant. */
public final class ReviewFixtures {

    private ReviewFixtures() {
    }

    /**
     * @param demo the demo creator
     * @return a new demo assessment, evaluated, owned by {@link Api#CONSULTANT}
     */
    public static long ownedDemo(DemoAssessment demo) {
        Api.consultant(); // the test consultant exists from here on
        long id = demo.create().id();
        QuarkusTransaction.requiringNew().run(() -> {
            Assessment a = Assessment.findById(id);
            Account owner = Account.find("username", Api.CONSULTANT).firstResult();
            a.ownerId = owner.id;
        });
        return id;
    }
}
