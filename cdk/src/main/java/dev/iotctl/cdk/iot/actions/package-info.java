/**
 * Topic-rule actions for {@link dev.iotctl.cdk.iot.TopicRule}: every action of CDK's iot-actions
 * alpha module (which is not on Maven Central) plus IoT Analytics and Timestream.
 *
 * <p>Each action takes a CDK object for its target ({@code ITable}, {@code ITopic}, {@code
 * IFunction}, {@code IStream}, {@code IBucket}, {@code IQueue}, {@code ILogGroup}, {@code
 * IDeliveryStream}, {@code IStateMachine}, {@code IAlarm}, {@code IDomain}) and grants the rule's
 * role ({@link dev.iotctl.cdk.iot.actions.ActionRole}) exactly what the action needs on it, through
 * the target's {@code grant…} methods where they are that narrow. Targets in other accounts are
 * imported by ARN ({@code Table.fromTableArn}, …); {@code builderFor…Name} forms take a name in the
 * rule's account and region, where substitution templates such as {@code ${topic(2)}} are allowed
 * and become {@code *} in IAM. Implement {@link dev.iotctl.cdk.iot.IAction} for others.
 */
package dev.iotctl.cdk.iot.actions;
