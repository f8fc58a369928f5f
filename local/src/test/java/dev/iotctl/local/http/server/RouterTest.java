package dev.iotctl.local.http.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RouterTest {
  private static final ApiHandler NOOP = r -> ApiResponse.empty();

  private final Router router =
      new Router(
          List.of(
              Route.of(
                  "PUT", "/thing-groups/{thingGroupName}", "UpdateThingGroup", Plane.CONTROL, NOOP),
              Route.of(
                  "PUT",
                  "/thing-groups/addThingToThingGroup",
                  "AddThingToThingGroup",
                  Plane.CONTROL,
                  NOOP),
              Route.of("GET", "/things/{thingName}/shadow", "GetThingShadow", Plane.DATA, NOOP),
              Route.of("GET", "/things/{thingName}", "DescribeThing", Plane.CONTROL, NOOP)));

  @Test
  void literalSegmentBeatsParameter() {
    assertThat(operation("PUT", List.of("thing-groups", "addThingToThingGroup")))
        .isEqualTo("AddThingToThingGroup");
    assertThat(operation("PUT", List.of("thing-groups", "g1"))).isEqualTo("UpdateThingGroup");
  }

  @Test
  void parametersAreDecodedValues() {
    Router.Result result = router.route("GET", List.of("things", "a:b", "shadow"));
    assertThat(((Router.Found) result).match().pathParams()).containsEntry("thingName", "a:b");
  }

  @Test
  void wrongMethodOnKnownPathNamesItsPlane() {
    assertThat(router.route("DELETE", List.of("things", "t", "shadow")))
        .isEqualTo(new Router.MethodNotAllowed(Plane.DATA));
    assertThat(router.route("GET", List.of("nothing"))).isEqualTo(new Router.NotFound());
    assertThat(router.route("GET", List.of("things", ""))).isEqualTo(new Router.NotFound());
  }

  @Test
  void collidingRoutesAreRefused() {
    assertThatThrownBy(
            () ->
                new Router(
                    List.of(
                        Route.of("GET", "/things/{a}", "A", Plane.CONTROL, NOOP),
                        Route.of("GET", "/things/{b}", "B", Plane.DATA, NOOP))))
        .hasMessageContaining("A and B");
  }

  @Test
  void aGreedyParameterTakesTheRestOfThePath() {
    Router topics =
        new Router(List.of(Route.of("POST", "/topics/{topic+}", "Publish", Plane.DATA, NOOP)));
    assertThat(
            ((Router.Found) topics.route("POST", List.of("topics", "a/b", "c", "", "d")))
                .match()
                .pathParams())
        .containsEntry("topic", "a/b/c//d");
    assertThat(((Router.Found) topics.route("POST", List.of("topics", "t"))).match().pathParams())
        .containsEntry("topic", "t");
    assertThat(topics.route("POST", List.of("topics"))).isEqualTo(new Router.NotFound());
    assertThat(topics.route("POST", List.of("topics", ""))).isEqualTo(new Router.NotFound());
    assertThatThrownBy(() -> Route.of("GET", "/a/{b+}/c", "Bad", Plane.DATA, NOOP))
        .hasMessageContaining("only the last path segment can be greedy");
  }

  private String operation(String method, List<String> segments) {
    return ((Router.Found) router.route(method, segments)).match().route().operation();
  }
}
