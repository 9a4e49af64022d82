package io.autogate.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The monitor's sentences from report and drift JSON of the gateway's shape. */
class MonitorWordsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void armSplitAndShadowAgreement() throws Exception {
        JsonNode report = json("{'type':'shadow','arms':[{'name':'primary','model':'iris@1','requests':30},"
                + "{'name':'shadow','model':'iris@2','requests':10}],'shadow':{'classified':20,'agreed':18,"
                + "'dropped_copies':0,'shed_copies':1,'failed_copies':0}}");
        assertEquals(Map.of("primary (iris@1)", 75.0, "shadow (iris@2)", 25.0), MonitorWords.armSplit(report));
        assertEquals("The model in the shadow gave the same answer as the model answering on 18 of 20 requests (90%)."
                + " 1 copies could not be compared (the server was busy or the shadow failed).", MonitorWords.shadow(report));
        assertEquals(Map.of("same answer", 18.0, "different answer", 2.0), MonitorWords.shadowCounts(report));
        assertTrue(MonitorWords.traffic("e", report).contains("30 requests (75% of traffic)"), MonitorWords.traffic("e", report));
        assertNull(MonitorWords.canary(report));
        assertTrue(MonitorWords.armSplit(json("{'arms':[{'name':'a','requests':0}]}")).isEmpty());
    }

    @Test
    void canaryStepAndHistory() throws Exception {
        JsonNode report = json("{'canary':{'status':'running','candidate_percent':25.0,'step_index':1,'steps':[5,25,50,100],"
                + "'step_elapsed_seconds':12,'history':[{'time':'2026-12-03T08:00:00.123Z','from_percent':0,'to_percent':5,"
                + "'action':'start','reason':''},{'time':'2026-12-03T08:01:00Z','from_percent':5,'to_percent':25,"
                + "'action':'promote','reason':'step passed'}]}}");
        assertEquals("The new model answers 25% of requests (step 2 of 4, for 12 s so far); it moves up a step while it"
                + " does as well as the model it replaces.", MonitorWords.canary(report));
        assertEquals(List.of("2026-12-03 08:00:00Z: started, 0% to 5% of requests",
                "2026-12-03 08:01:00Z: moved up, 5% to 25% of requests (step passed)"), MonitorWords.canaryHistory(report));
        assertTrue(MonitorWords.canary(json("{'canary':{'status':'rolled_back'}}")).startsWith("The rollout was stopped"));
    }

    @Test
    void driftVerdicts() throws Exception {
        JsonNode shifted = json("{'model':'iris@1','observed':300,'status':'major','features':[{'feature':'a','psi':0.02,"
                + "'status':'ok'},{'feature':'b','psi':0.4,'status':'major'},{'feature':'c','psi':0.15,'status':'moderate'},"
                + "{'feature':'d','psi':null,'status':'insufficient_data'}]}");
        assertEquals(Map.of("a", 0.02, "b", 0.4, "c", 0.15), MonitorWords.driftPerFeature(shifted));
        assertEquals("The inputs iris@1 gets have shifted away from its training data in b, c (strongly: b): its answers"
                + " on them may be less reliable; consider training again on recent data.", MonitorWords.driftVerdict(shifted));
        assertTrue(MonitorWords.driftVerdict(json("{'model':'m','observed':3,'status':'insufficient_data'}"))
                .startsWith("Too few requests to m so far (3)"));
        assertTrue(MonitorWords.driftVerdict(json("{'model':'m','observed':300,'status':'ok'}")).contains("no feature has shifted"));
    }
}
