package io.autogate.gateway.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autogate.gateway.http.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndpointPoliciesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static EndpointPolicy parse(String text) {
        return EndpointPolicies.parse(json(text));
    }

    private static String error(String text) {
        ApiException e = assertThrows(ApiException.class, () -> parse(text));
        assertEquals(400, e.status());
        return e.getMessage();
    }

    @Test
    void parsesSingleAndListsDefaultArm() {
        EndpointPolicy policy = parse("{'type':'single','model':'churn:production'}");
        assertEquals(new EndpointPolicy.Single("churn:production"), policy);
        assertEquals(List.of(new Arm("default", "churn:production")), policy.arms());
    }

    @Test
    void parsesAbWithStickyHeaderOrField() {
        EndpointPolicy.AbTest ab = (EndpointPolicy.AbTest) parse("{'type':'ab','arms':[{'name':'a','model':'churn@1','weight':50},"
                + "{'name':'b','model':'churn@2','weight':50}],'sticky':{'header':'X-User-Id'}}");
        assertEquals(List.of(new Arm("a", "churn@1"), new Arm("b", "churn@2")), ab.arms());
        assertEquals(new StickyKey(StickyKey.Source.HEADER, "X-User-Id"), ab.sticky());
        EndpointPolicy.AbTest byField = (EndpointPolicy.AbTest) parse("{'type':'ab','arms':[{'name':'a','model':'m','weight':1},"
                + "{'name':'b','model':'n','weight':2.5}],'sticky':{'field':'user_id'}}");
        assertEquals(new StickyKey(StickyKey.Source.FIELD, "user_id"), byField.sticky());
        assertEquals(2.5, byField.weightedArms().get(1).weight());
        EndpointPolicy.AbTest unsticky = (EndpointPolicy.AbTest) parse("{'type':'ab','arms':[{'name':'a','model':'m','weight':1},"
                + "{'name':'b','model':'n','weight':1}]}");
        assertNull(unsticky.sticky());
    }

    @Test
    void parsesShadowWithDefaultSample() {
        EndpointPolicy.Shadow shadow = (EndpointPolicy.Shadow) parse("{'type':'shadow','primary':'churn@1','shadow':'churn@2'}");
        assertEquals(1.0, shadow.sample());
        assertEquals(List.of(new Arm("primary", "churn@1"), new Arm("shadow", "churn@2")), shadow.arms());
        assertEquals(0.25, ((EndpointPolicy.Shadow) parse(
                "{'type':'shadow','primary':'a','shadow':'b','sample':0.25}")).sample());
    }

    @Test
    void parsesFullCanary() {
        EndpointPolicy.Canary canary = (EndpointPolicy.Canary) parse("{'type':'canary','stable':'churn@1','candidate':'churn@2',"
                + "'steps':[5,25,50,100],'min_requests_per_step':200,'min_step_seconds':60,'guards':{"
                + "'max_error_rate_increase':0.02,'max_p99_latency_ms':50,'max_quality_drop':0.05,'min_feedback':50}}");
        assertEquals(List.of(5.0, 25.0, 50.0, 100.0), canary.steps());
        assertEquals(new CanaryGuards(0.02, 50.0, 0.05, 50), canary.guards());
        assertEquals(List.of(new Arm("stable", "churn@1"), new Arm("candidate", "churn@2")), canary.arms());
    }

    @Test
    void canaryDefaultsOmittedFields() {
        EndpointPolicy.Canary canary = (EndpointPolicy.Canary) parse(
                "{'type':'canary','stable':'churn@1','candidate':'churn@2','guards':{'max_p99_latency_ms':80}}");
        assertEquals(EndpointPolicy.Canary.DEFAULT_STEPS, canary.steps());
        assertEquals(200, canary.minRequestsPerStep());
        assertEquals(60, canary.minStepSeconds());
        assertEquals(new CanaryGuards(0.02, 80.0, 0.05, 50), canary.guards());
        EndpointPolicy.Canary bare = (EndpointPolicy.Canary) parse("{'type':'canary','stable':'a','candidate':'b'}");
        assertEquals(CanaryGuards.defaults(), bare.guards());
    }

    @Test
    void roundTripsEveryPolicyThroughJson() {
        List<String> policies = List.of(
                "{'type':'single','model':'churn@3'}",
                "{'type':'ab','arms':[{'name':'a','model':'churn@1','weight':70},{'name':'b','model':'churn:beta','weight':30.5}],'sticky':{'field':'user_id'}}",
                "{'type':'shadow','primary':'churn@1','shadow':'churn@2','sample':0.5}",
                "{'type':'canary','stable':'churn@1','candidate':'churn@2','steps':[1.5,50,100],'min_requests_per_step':10,"
                        + "'min_step_seconds':0,'guards':{'max_error_rate_increase':0.1,'max_quality_drop':0.2,'min_feedback':5},"
                        + "'sticky':{'header':'X-User-Id'}}");
        for (String text : policies) {
            EndpointPolicy policy = parse(text);
            assertEquals(policy, EndpointPolicies.parse(EndpointPolicies.toJson(policy)), text);
        }
        assertEquals(json("{'type':'single','model':'churn@3'}"), EndpointPolicies.toJson(parse("{'type':'single','model':'churn@3'}")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "{'type':'foo'}|unknown policy type 'foo'; use single, ab, shadow or canary",
            "{'model':'m'}|type is required",
            "[1]|policy must be a JSON object",
            "{'type':'single'}|model is required",
            "{'type':'single','model':7}|model must be a string",
            "{'type':'single','model':'churn@x'}|model: version 'x' in 'churn@x' is not a number",
            "{'type':'single','model':'../etc'}|model: model name '../etc' is not valid",
            "{'type':'single','model':'m','extra':1}|unknown field 'extra' in single policy; allowed: model, type",
            "{'type':'ab','arms':[{'name':'a','model':'m','weight':1}]}|arms must list at least 2 arms, got 1",
            "{'type':'ab'}|arms is required",
            "{'type':'ab','arms':[{'name':'a','model':'m','weight':1},{'name':'b','model':'n','weight':0}]}|arms[1].weight must be > 0",
            "{'type':'ab','arms':[{'name':'a','model':'m','weight':1},{'name':'b','model':'n','weight':-2}]}|arms[1].weight must be > 0",
            "{'type':'ab','arms':[{'name':'a','model':'m','weight':1},{'name':'b','model':'n','weight':'x'}]}|arms[1].weight must be a number",
            "{'type':'ab','arms':[{'name':'a','model':'m','weight':1},{'name':'b','model':'n'}]}|arms[1].weight is required",
            "{'type':'ab','arms':[{'name':'a','model':'m','weight':1},{'name':'a','model':'n','weight':1}]}|arms[1].name 'a' is used by another arm",
            "{'type':'ab','arms':[{'name':'a b','model':'m','weight':1},{'name':'b','model':'n','weight':1}]}|arms[0].name 'a b' is not valid",
            "{'type':'ab','arms':[{'name':'a','model':'m','weight':1,'w':2},{'name':'b','model':'n','weight':1}]}|unknown field 'w' in arms[0]",
            "{'type':'ab','arms':[{'name':'a','model':'m','weight':1},{'name':'b','model':'n','weight':1}],'sticky':{'cookie':'x'}}|unknown field 'cookie' in sticky",
            "{'type':'ab','arms':[{'name':'a','model':'m','weight':1},{'name':'b','model':'n','weight':1}],'sticky':{'header':'x','field':'y'}}|sticky must name exactly one of header or field",
            "{'type':'ab','arms':[{'name':'a','model':'m','weight':1},{'name':'b','model':'n','weight':1}],'sticky':{'header':'X User'}}|sticky.header 'X User' is not a valid HTTP header name",
            "{'type':'shadow','primary':'a','shadow':'b','sample':0}|sample must be in (0, 1], got 0.0",
            "{'type':'shadow','primary':'a','shadow':'b','sample':1.5}|sample must be in (0, 1], got 1.5",
            "{'type':'shadow','primary':'a@1','shadow':'a@1'}|shadow must name a different model than primary",
            "{'type':'shadow','primary':'a'}|shadow is required",
            "{'type':'canary','stable':'a','candidate':'a'}|candidate must name a different model than stable",
            "{'type':'canary','stable':'a','candidate':'b','steps':[]}|steps must be a non-empty list",
            "{'type':'canary','stable':'a','candidate':'b','steps':[5,5,100]}|steps[1] must be greater than the step before it",
            "{'type':'canary','stable':'a','candidate':'b','steps':[0,100]}|steps[0] must be a percentage in (0, 100]",
            "{'type':'canary','stable':'a','candidate':'b','steps':[50,120]}|steps[1] must be a percentage in (0, 100]",
            "{'type':'canary','stable':'a','candidate':'b','steps':[5,50]}|steps must end at 100, the last is 50.0",
            "{'type':'canary','stable':'a','candidate':'b','min_requests_per_step':0}|min_requests_per_step must be >= 1",
            "{'type':'canary','stable':'a','candidate':'b','min_requests_per_step':2.5}|min_requests_per_step must be a whole number",
            "{'type':'canary','stable':'a','candidate':'b','min_step_seconds':-1}|min_step_seconds must be >= 0",
            "{'type':'canary','stable':'a','candidate':'b','guards':{'max_error_rate_increase':2}}|guards.max_error_rate_increase must be a fraction in [0, 1]",
            "{'type':'canary','stable':'a','candidate':'b','guards':{'max_p99_latency_ms':0}}|guards.max_p99_latency_ms must be > 0",
            "{'type':'canary','stable':'a','candidate':'b','guards':{'min_feedback':0}}|guards.min_feedback must be >= 1",
            "{'type':'canary','stable':'a','candidate':'b','guards':{'max_latency':5}}|unknown field 'max_latency' in guards",
            "{'type':'canary','stable':'a','candidate':'b','step':[5,100]}|unknown field 'step' in canary policy",
    })
    void rejectsBadPoliciesNamingTheField(String policy, String expectedStart) {
        String message = error(policy);
        assertTrue(message.startsWith(expectedStart), () -> "message was: " + message);
    }

    @Test
    void rejectsNonObjectArm() {
        assertTrue(error("{'type':'ab','arms':[1,2]}").startsWith("arms[0] must be an object"));
    }
}
