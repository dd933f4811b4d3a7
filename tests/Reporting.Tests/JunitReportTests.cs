using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Reporting.Tests;

public sealed class JunitReportTests
{
    /// <summary>
    /// The structure of the JUnit schema Jenkins reads (junit-4.xsd), which GitHub test reporters and CodeBuild also
    /// accept: testsuites › testsuite (properties?, testcase*, system-out?, system-err?) › testcase (skipped | error |
    /// failure | system-out | system-err)*, with the count attributes as integers and time as a decimal.
    /// </summary>
    private const string Schema = """
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">
          <xs:complexType name="message" mixed="true">
            <xs:attribute name="message" type="xs:string"/>
            <xs:attribute name="type" type="xs:string"/>
          </xs:complexType>
          <xs:element name="testsuites">
            <xs:complexType>
              <xs:sequence><xs:element ref="testsuite" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
              <xs:attribute name="name" type="xs:string"/>
              <xs:attribute name="tests" type="xs:nonNegativeInteger"/>
              <xs:attribute name="failures" type="xs:nonNegativeInteger"/>
              <xs:attribute name="errors" type="xs:nonNegativeInteger"/>
              <xs:attribute name="skipped" type="xs:nonNegativeInteger"/>
              <xs:attribute name="disabled" type="xs:nonNegativeInteger"/>
              <xs:attribute name="time" type="xs:decimal"/>
            </xs:complexType>
          </xs:element>
          <xs:element name="testsuite">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="properties" minOccurs="0">
                  <xs:complexType><xs:sequence>
                    <xs:element name="property" minOccurs="0" maxOccurs="unbounded">
                      <xs:complexType>
                        <xs:attribute name="name" type="xs:string" use="required"/>
                        <xs:attribute name="value" type="xs:string" use="required"/>
                      </xs:complexType>
                    </xs:element>
                  </xs:sequence></xs:complexType>
                </xs:element>
                <xs:element name="testcase" minOccurs="0" maxOccurs="unbounded">
                  <xs:complexType>
                    <xs:choice minOccurs="0" maxOccurs="unbounded">
                      <xs:element name="skipped" type="message"/>
                      <xs:element name="error" type="message"/>
                      <xs:element name="failure" type="message"/>
                      <xs:element name="system-out" type="xs:string"/>
                      <xs:element name="system-err" type="xs:string"/>
                    </xs:choice>
                    <xs:attribute name="name" type="xs:string" use="required"/>
                    <xs:attribute name="classname" type="xs:string"/>
                    <xs:attribute name="assertions" type="xs:string"/>
                    <xs:attribute name="time" type="xs:decimal"/>
                    <xs:attribute name="status" type="xs:string"/>
                  </xs:complexType>
                </xs:element>
                <xs:element name="system-out" type="xs:string" minOccurs="0"/>
                <xs:element name="system-err" type="xs:string" minOccurs="0"/>
              </xs:sequence>
              <xs:attribute name="name" type="xs:string" use="required"/>
              <xs:attribute name="tests" type="xs:nonNegativeInteger" use="required"/>
              <xs:attribute name="failures" type="xs:nonNegativeInteger"/>
              <xs:attribute name="errors" type="xs:nonNegativeInteger"/>
              <xs:attribute name="skipped" type="xs:nonNegativeInteger"/>
              <xs:attribute name="disabled" type="xs:nonNegativeInteger"/>
              <xs:attribute name="time" type="xs:decimal"/>
              <xs:attribute name="timestamp" type="xs:dateTime"/>
              <xs:attribute name="hostname" type="xs:string"/>
              <xs:attribute name="id" type="xs:string"/>
              <xs:attribute name="package" type="xs:string"/>
            </xs:complexType>
          </xs:element>
        </xs:schema>
        """;

    private static ExpectationResult Expectation(string type, string? column, bool success, string? severity = null, ResultDetails? details = null, ExceptionInfo? exception = null)
    {
        var kwargs = column is null ? new JsonObject() : new JsonObject { ["column"] = column };
        var meta = severity is null ? null : new JsonObject { ["severity"] = severity };
        return new ExpectationResult(new ExpectationConfiguration(type, kwargs, meta), success, details, exception);
    }

    private static ValidationResult Result(string asset, params ExpectationResult[] results) =>
        new("orders", results, new ValidationRunInfo("run1", new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.Zero), asset, 200, TimeSpan.FromSeconds(1.25), "0.1.0"));

    private static readonly ValidationResult[] s_results =
    [
        Result("data/orders.csv",
            Expectation("expect_column_values_to_be_unique", "order_id", false, details: new ResultDetails { UnexpectedCount = 2, UnexpectedPercent = 1, PartialUnexpectedList = [1042L, 1042L], PartialUnexpectedIndexList = [41, 42] }),
            Expectation("expect_column_values_to_not_be_null", "customer_id", false, "warn", new ResultDetails { UnexpectedCount = 1, UnexpectedPercent = 0.5 }),
            Expectation("expect_column_values_to_not_be_null", "price", false, exception: new ExceptionInfo(true, "column `price` is not in the data")),
            Expectation("expect_table_row_count_to_be_between", null, true, details: new ResultDetails { HasObservedValue = true, ObservedValue = 200L })),
        Result("data/orders_2.csv",
            Expectation("expect_column_values_to_be_in_set", "status", false, details: new ResultDetails { UnexpectedCount = 1, UnexpectedPercent = 0.5, PartialUnexpectedList = ["bad\u0001value\u001b[31m"] }),
            Expectation("expect_column_values_to_be_in_set", "status", true)),
    ];

    [Fact]
    public void Report_IsValidAgainstTheJunitSchema()
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, XmlReader.Create(new StringReader(Schema)));
        var document = XDocument.Parse(JunitReport.ToXml(s_results, "gate"));
        var problems = new List<string>();

        document.Validate(schemas, (_, e) => problems.Add(e.Message));

        Assert.Empty(problems);
    }

    [Fact]
    public void Report_HasATestsuitePerValidationAndATestcasePerExpectation()
    {
        var root = XDocument.Parse(JunitReport.ToXml(s_results, "gate")).Root!;

        Assert.Equal(("gate", "6", "2", "1", "1"), (root.Attribute("name")!.Value, root.Attribute("tests")!.Value, root.Attribute("failures")!.Value, root.Attribute("errors")!.Value, root.Attribute("skipped")!.Value));
        var suites = root.Elements("testsuite").ToList();
        Assert.Equal(["orders on data/orders.csv", "orders on data/orders_2.csv"], suites.Select(s => s.Attribute("name")!.Value));
        var cases = suites[0].Elements("testcase").ToList();
        Assert.Equal(
            ["expect_column_values_to_be_unique(order_id)", "expect_column_values_to_not_be_null(customer_id)", "expect_column_values_to_not_be_null(price)", "expect_table_row_count_to_be_between"],
            cases.Select(c => c.Attribute("name")!.Value));
        Assert.Equal("orders.orders.csv", cases[0].Attribute("classname")!.Value);
    }

    [Fact]
    public void FailedErrorExpectation_IsAFailureWithTheMessageAndSamples()
    {
        var failure = XDocument.Parse(JunitReport.ToXml(s_results)).Descendants("testcase").First().Element("failure")!;

        Assert.Equal("2 unexpected values (1%): 1042, 1042", failure.Attribute("message")!.Value);
        Assert.Equal("expect_column_values_to_be_unique", failure.Attribute("type")!.Value);
        Assert.Contains("at row indexes (0-based): 41, 42", failure.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void FailedWarnExpectation_IsSkippedNotFailed()
    {
        var warn = XDocument.Parse(JunitReport.ToXml(s_results)).Descendants("testcase").ElementAt(1);

        Assert.Null(warn.Element("failure"));
        Assert.StartsWith("warn: 1 unexpected value", warn.Element("skipped")!.Attribute("message")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectationThatCouldNotBeJudged_IsAnError() =>
        Assert.Equal("column `price` is not in the data",
            XDocument.Parse(JunitReport.ToXml(s_results)).Descendants("testcase").ElementAt(2).Element("error")!.Attribute("message")!.Value);

    [Fact]
    public void ControlCharactersFromTheData_AreEscapedAndSameNamedCasesAreNumbered()
    {
        var xml = JunitReport.ToXml(s_results);
        var cases = XDocument.Parse(xml).Descendants("testsuite").Last().Elements("testcase").ToList();

        Assert.Contains("\\u0001value\\u001b[31m", cases[0].Element("failure")!.Attribute("message")!.Value, StringComparison.Ordinal);
        Assert.Equal("expect_column_values_to_be_in_set(status) #1", cases[1].Attribute("name")!.Value);
    }

    [Fact]
    public void Write_LeavesTheStreamOpen()
    {
        using var stream = new MemoryStream();

        JunitReport.Write(s_results, stream);

        Assert.True(stream.CanWrite);
        Assert.True(stream.Length > 0);
    }
}
