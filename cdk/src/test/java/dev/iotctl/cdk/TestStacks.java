package dev.iotctl.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

/** Stacks for construct tests: environment-agnostic like the fleet app's, one app each. */
public final class TestStacks {
  private TestStacks() {}

  /** A fresh environment-agnostic stack in a fresh app. */
  public static Stack stack() {
    return new Stack(new App(), "Test");
  }

  /** A fresh stack in {@code region} of a fixed account. */
  public static Stack stackIn(String region) {
    return new Stack(
        new App(),
        "Test",
        StackProps.builder()
            .env(Environment.builder().account("123456789012").region(region).build())
            .build());
  }

  /** The message synthesis fails with (it must fail). */
  public static String synthError(Stack stack) {
    Throwable thrown = catchThrowable(() -> Template.fromStack(stack));
    assertThat(thrown).as("synthesis should fail").isNotNull();
    return thrown.getMessage();
  }

  /** The statements of every IAM policy in the template, flattened. */
  public static List<Map<?, ?>> statements(Template template) {
    List<Map<?, ?>> out = new ArrayList<>();
    template
        .findResources("AWS::IAM::Policy")
        .values()
        .forEach(
            policy -> {
              Map<?, ?> properties = (Map<?, ?>) ((Map<?, ?>) policy).get("Properties");
              Map<?, ?> document = (Map<?, ?>) properties.get("PolicyDocument");
              ((List<?>) document.get("Statement")).forEach(s -> out.add((Map<?, ?>) s));
            });
    return out;
  }
}
