package dev.bearing.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a tie reads in a decision title and a stack line, including tool names with "and" in them. */
class TiesTest {

    @Test
    void twoPlainNamesAreChosenBetween() {
        assertEquals("Load and performance tests: choose between Grafana k6 and Gatling",
                Ties.decisionTitle("Load and performance tests", List.of("Grafana k6", "Gatling")));
        assertEquals("Grafana k6 or Gatling — equal fit", Ties.line(List.of("Grafana k6", "Gatling")));
    }

    @Test
    void threePlainNamesAreChosenAmong() {
        assertEquals("Load and performance tests: choose among Grafana k6, Gatling or Apache JMeter",
                Ties.decisionTitle("Load and performance tests", List.of("Grafana k6", "Gatling", "Apache JMeter")));
    }

    @Test
    void aNameWithAndIsNeverSplitByTheWording() {
        // "choose between Prometheus and Grafana and Amazon CloudWatch" read as three tools
        assertEquals("Monitoring and alerting: choose either Amazon CloudWatch, or Prometheus and Grafana",
                Ties.decisionTitle("Monitoring and alerting", List.of("Prometheus and Grafana", "Amazon CloudWatch")));
        assertEquals("Amazon CloudWatch, or Prometheus and Grafana — equal fit",
                Ties.line(List.of("Prometheus and Grafana", "Amazon CloudWatch")));
        assertEquals("Monitoring and alerting: choose one of Datadog, Amazon CloudWatch, or Prometheus and Grafana",
                Ties.decisionTitle("Monitoring and alerting",
                        List.of("Prometheus and Grafana", "Datadog", "Amazon CloudWatch")));
    }

    @Test
    void aWordThatOnlyContainsAndIsNotAnAnd() {
        assertEquals("Tests: choose between Pandas Check and Grand Runner",
                Ties.decisionTitle("Tests", List.of("Pandas Check", "Grand Runner")));
    }
}
