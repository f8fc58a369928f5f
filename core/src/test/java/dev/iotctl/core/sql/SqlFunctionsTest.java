package dev.iotctl.core.sql;

import static dev.iotctl.core.sql.SqlTesting.value;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each function's documented examples ("Functions" page), expression → JSON result. */
class SqlFunctionsTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          abs(-5)                         | 5
          abs("-5.123")                   | 5.123
          abs(true)                       | <undefined>
          accountid()                     | "123456789012"
          ceil(1.2)                       | 2
          ceil(-1.2)                      | -1
          floor(1.2)                      | 1
          floor(-1.2)                     | -2
          round(1.2)                      | 1
          round(1.5)                      | 2
          Round(1.7)                      | 2
          round(-1.1)                     | -1
          round(-1.5)                     | -2
          mod(8, 3)                       | 2
          remainder(8, 3)                 | 2
          sign(-7)                        | -1
          sign(0)                         | 0
          sign(13)                        | 1
          sqrt(9)                         | 3
          power(2, 5)                     | 32
          log(100)                        | 2
          cos(0)                          | 1
          sqrt(-1)                        | <undefined>
          trunc(2.3, 0)                   | 2
          trunc(2.3123, 2)                | 2.31
          trunc(2.888, 2)                 | 2.88
          trunc(2.00, 5)                  | 2
          bitand(13, 5)                   | 5
          bitor(12, 10)                   | 14
          bitxor(12, 10)                  | 6
          bitnot(13)                      | -14
          chr(65)                         | "A"
          chr(49)                         | "1"
          concat()                        | <undefined>
          concat(1)                       | "1"
          concat([1, 2, 3], 4)            | [1,2,3,4]
          concat([1, 2, 3], "hello")      | [1,2,3,"hello"]
          concat("con", "cat")            | "concat"
          concat(1, "hello")              | "1hello"
          concat("he","is","man")         | "heisman"
          concat([1, 2, 3], "hello", [4, 5, 6]) | [1,2,3,"hello",4,5,6]
          endswith("cat","at")            | true
          startswith("ranger","ran")      | true
          startswith(null, "a")           | <undefined>
          get(["a", "b", "c"], 1)         | "b"
          get({"a":"b"}, "a")             | "b"
          get("abc", 1)                   | "b"
          get("abc", 7)                   | <undefined>
          md2("hello")                    | "a9046c73e00331af68917d3804f70655"
          md5("hello")                    | "5d41402abc4b2a76b9719d911017c592"
          sha256("hello")                 | "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
          indexof("abcd", "bc")           | 1
          isNull(5)                       | false
          isNull(Null)                    | true
          isNull(missing)                 | false
          isUndefined(5)                  | false
          isUndefined(floor([1,2,3]))     | true
          isUndefined(missing)            | true
          length("hi")                    | 2
          length(false)                   | 5
          lower("HELLO")                  | "hello"
          lower(["HELLO"])                | "[\\"hello\\"]"
          upper("hello")                  | "HELLO"
          upper(["hello"])                | "[\\"HELLO\\"]"
          lpad("hello", 2)                | "  hello"
          lpad(1, 3)                      | "   1"
          rpad("hello", 2)                | "hello  "
          rpad(1, 3)                      | "1   "
          ltrim(" h i ")                  | "h i "
          rtrim(" h i ")                  | " h i"
          Trim(" hi ")                    | "hi"
          nanvl(8, 3)                     | 8
          nanvl(missing, 3)               | 3
          nanvl(null, 3)                  | 3
          numbytes("hi")                  | 2
          numbytes("€")                   | 3
          regexp_matches("aaaa", "a{2,}") | true
          regexp_matches("aaaa", "b")     | false
          regexp_matches("aaaa", "(")     | <undefined>
          regexp_replace("abcd", "bc", "x")  | "axd"
          regexp_replace("abcd", "b(.*)d", "$1") | "ac"
          regexp_substr("hihihello", "hi")   | "hi"
          regexp_substr("hihihello", "(hi)*") | "hihi"
          replace("abcd", "bc", "x")      | "axd"
          replace("abcdabcd", "b", "x")   | "axcdaxcd"
          substring("012345", 0)          | "012345"
          substring("012345", 2)          | "2345"
          substring("012345", 2.745)      | "2345"
          substring(123, 2)               | "3"
          substring("012345", -1)         | "012345"
          substring(true, 1.2)            | "rue"
          substring(false, -2.411E247)    | "false"
          substring("012345", 1, 3)       | "12"
          substring("012345", -50, 50)    | "012345"
          substring("012345", 3, 1)       | ""
          sql_version()                   | "2016-03-23"
          timestamp()                     | 1481825251155
          topic()                         | "topic/subtopic"
          topic(1)                        | "topic"
          topic(2)                        | "subtopic"
          topic(3)                        | <undefined>
          clientid()                      | "client-1"
          principal()                     | "ba67293af50bf2506f5f93469686da660c7c844e7b3950bfb16813e0d31e9373"
          newuuid()                       | "123a4567-b89c-12d3-e456-789012345000"
          traceid()                       | "12345678-1234-1234-1234-123456789012"
          encode("hello", 'base64')       | "aGVsbG8="
          decode("aGVsbG8=", 'base64')    | "hello"
          decode("eyAidGVtcGVyYXR1cmUiOiAzMyB9Cg==", 'base64').temperature | 33
          decode("!!!", 'base64')         | null
          time_to_epoch("2020-04-03 09:45:18 UTC+01:00", "yyyy-MM-dd HH:mm:ss VV") | 1585903518000
          time_to_epoch("18 December 2015", "dd MMMM yyyy") | 1450396800000
          time_to_epoch("2007-12-03 10:15:30.592 America/Los_Angeles", "yyyy-MM-dd HH:mm:ss.SSS z") | 1196705730592
          parse_time("yyyy.MM.dd G 'at' HH:mm:ss z", 100000000, 'America/Belize') | "1970.01.01 AD at 21:46:40 CST"
          parse_time("yyyy", 1481825251155) | "2016"
          transform("enrichArray", {"k": 1}, [{"a": 2}, {"b": 3}]) | [{"a":2,"k":1},{"b":3,"k":1}]
          transform("other", {"k": 1}, [])  | <undefined>
          cast(true as Int)               | 1
          cast(2.9 as Int)                | 2
          cast("5E-12" as Decimal)        | 5E-12
          cast(0 as Boolean)              | false
          cast(2.5 as Bool)               | true
          cast("TRUE" as Boolean)         | true
          cast(12 as String)              | "12"
          cast([1,"a"] as String)         | "[1,\\"a\\"]"
          cast(null as String)            | <undefined>
          cast("x" as Int)                | <undefined>
          """)
  void documentedExample(String expression, String expected) {
    assertThat(value(expression.strip())).isEqualTo(expected.strip());
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          floor(x)      | -2
          abs(x)        | 1.5
          upper(name)   | "ABC"
          get(arr, "1") | 20
          concat(arr, name) | [10,20,"abc"]
          """)
  void functionsOnPayloadAttributes(String expression, String expected) {
    assertThat(value(expression.strip(), "{\"x\":-1.5,\"name\":\"abc\",\"arr\":[10,20]}"))
        .isEqualTo(expected.strip());
  }
}
