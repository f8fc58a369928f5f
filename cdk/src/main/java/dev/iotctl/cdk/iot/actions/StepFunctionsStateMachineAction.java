package dev.iotctl.cdk.iot.actions;

import dev.iotctl.cdk.iot.ActionConfig;
import dev.iotctl.cdk.iot.IAction;
import dev.iotctl.cdk.iot.ITopicRule;
import software.amazon.awscdk.Arn;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iot.CfnTopicRule;
import software.amazon.awscdk.services.stepfunctions.IStateMachine;

/**
 * Starts an execution of a Step Functions state machine with the message as input ({@code
 * states:StartExecution} on the state machine).
 */
public final class StepFunctionsStateMachineAction implements IAction {
  private final IStateMachine stateMachine;
  private final String executionNamePrefix;
  private final IRole role;

  public StepFunctionsStateMachineAction(IStateMachine stateMachine) {
    this(builder(stateMachine));
  }

  private StepFunctionsStateMachineAction(Builder b) {
    this.stateMachine = b.stateMachine;
    this.executionNamePrefix = b.executionNamePrefix;
    this.role = b.role;
  }

  public static Builder builder(IStateMachine stateMachine) {
    return new Builder(Targets.required(stateMachine, "state machine"));
  }

  @Override
  public ActionConfig bind(ITopicRule rule) {
    IRole actionRole = ActionRole.orShared(role, rule);
    stateMachine.grantStartExecution(actionRole);
    return new ActionConfig(
        CfnTopicRule.ActionProperty.builder()
            .stepFunctions(
                CfnTopicRule.StepFunctionsActionProperty.builder()
                    .stateMachineName(
                        Arn.split(stateMachine.getStateMachineArn(), ArnFormat.COLON_RESOURCE_NAME)
                            .getResourceName())
                    .executionNamePrefix(executionNamePrefix)
                    .roleArn(actionRole.getRoleArn())
                    .build())
            .build());
  }

  /** Builder for {@link StepFunctionsStateMachineAction}. */
  public static final class Builder {
    private final IStateMachine stateMachine;
    private String executionNamePrefix;
    private IRole role;

    private Builder(IStateMachine stateMachine) {
      this.stateMachine = stateMachine;
    }

    /** Prefixed to each execution's name. */
    public Builder executionNamePrefix(String executionNamePrefix) {
      this.executionNamePrefix = executionNamePrefix;
      return this;
    }

    /** A role to use instead of the rule's shared one. */
    public Builder role(IRole role) {
      this.role = role;
      return this;
    }

    public StepFunctionsStateMachineAction build() {
      return new StepFunctionsStateMachineAction(this);
    }
  }
}
