package dev.iotctl.cli.framework;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The CLI's one JSON mapper, and the writer that prints results as the AWS CLI does. */
public final class Json {
  public static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * Python's {@code json.dump(indent=4)}, as the AWS CLI prints: four spaces, {@code "key": value},
   * and {@code []}/{@code {}} for empty containers.
   */
  public static final ObjectWriter PRETTY = MAPPER.writer(awsCliPrinter());

  private Json() {}

  private static DefaultPrettyPrinter awsCliPrinter() {
    DefaultIndenter indent = new DefaultIndenter("    ", "\n");
    return new DefaultPrettyPrinter()
        .withSeparators(
            Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""))
        .withObjectIndenter(indent)
        .withArrayIndenter(indent);
  }
}
