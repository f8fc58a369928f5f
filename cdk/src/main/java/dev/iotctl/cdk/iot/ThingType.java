package dev.iotctl.cdk.iot;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Resource;
import software.amazon.awscdk.ResourceProps;
import software.amazon.awscdk.services.iot.CfnThingType;
import software.constructs.Construct;

/**
 * An AWS IoT thing type ({@code AWS::IoT::ThingType}). A thing with a type may carry up to 50
 * attributes (3 without one); {@link Thing} sets the type through {@link ThingBindings}.
 */
public class ThingType extends Resource implements IThingType {
  /** Searchable attributes AWS IoT allows per thing type. */
  public static final int MAX_SEARCHABLE_ATTRIBUTES = 3;

  private final CfnThingType resource;
  private final String declaredName;
  private final String thingTypeName;
  private final String thingTypeArn;

  public ThingType(Construct scope, String id, ThingTypeProps props) {
    super(scope, id, ResourceProps.builder().physicalName(props.getThingTypeName()).build());
    this.declaredName = props.getThingTypeName();
    List<String> problems = new ArrayList<>();
    ResourceNames.checkThingName("thing type name", props.getThingTypeName())
        .ifPresent(problems::add);
    if (props.getSearchableAttributes().size() > MAX_SEARCHABLE_ATTRIBUTES) {
      problems.add(
          "thing type '"
              + props.getThingTypeName()
              + "': at most "
              + MAX_SEARCHABLE_ATTRIBUTES
              + " searchable attributes");
    }
    this.resource =
        CfnThingType.Builder.create(this, "Resource")
            .thingTypeName(props.getThingTypeName())
            .thingTypeProperties(
                CfnThingType.ThingTypePropertiesProperty.builder()
                    .thingTypeDescription(props.getDescription())
                    .searchableAttributes(
                        props.getSearchableAttributes().isEmpty()
                            ? null
                            : props.getSearchableAttributes())
                    .build())
            .build();
    this.thingTypeName = getResourceNameAttribute(resource.getRef());
    this.thingTypeArn =
        getResourceArnAttribute(
            resource.getAttrArn(),
            ArnComponents.builder()
                .service("iot")
                .resource("thingtype")
                .resourceName(getPhysicalName())
                .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
                .build());
    RegionSupport.requireThingTypesAndGroups(this, "AWS::IoT::ThingType");
    Problems.report(this, problems);
  }

  /** A thing type that exists outside this app, by name. */
  public static IThingType fromThingTypeName(Construct scope, String id, String thingTypeName) {
    return new Imported(scope, id, thingTypeName, IotArns.arn(scope, "thingtype", thingTypeName));
  }

  /** A thing type that exists outside this app, by ARN. */
  public static IThingType fromThingTypeArn(Construct scope, String id, String thingTypeArn) {
    return new Imported(scope, id, IotArns.name(thingTypeArn), thingTypeArn);
  }

  @Override
  public String getThingTypeName() {
    return thingTypeName;
  }

  @Override
  public String getThingTypeArn() {
    return thingTypeArn;
  }

  /** The name for messages: as declared, or the construct path when it is generated. */
  String label() {
    return declaredName != null ? declaredName : getNode().getPath();
  }

  /** The underlying L1 resource. */
  public CfnThingType getCfnThingType() {
    return resource;
  }

  private static final class Imported extends Resource implements IThingType {
    private final String name;
    private final String arn;

    Imported(Construct scope, String id, String name, String arn) {
      super(scope, id, ResourceProps.builder().environmentFromArn(arn).build());
      this.name = name;
      this.arn = arn;
    }

    @Override
    public String getThingTypeName() {
      return name;
    }

    @Override
    public String getThingTypeArn() {
      return arn;
    }
  }
}
