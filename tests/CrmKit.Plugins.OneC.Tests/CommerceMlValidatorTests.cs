using CrmKit.CommerceMl;
using CrmKit.Plugins.OneC.Tests.Infrastructure;

namespace CrmKit.Plugins.OneC.Tests;

/// <summary>The strict validator the CLI and these tests use: warnings count, the namespace is checked.</summary>
public sealed class CommerceMlValidatorTests
{
    [Theory]
    [InlineData(CommerceMlSchemaVersion.V210)]
    [InlineData(CommerceMlSchemaVersion.V208)]
    public void GoldenOrder_ShouldHaveNoIssues(CommerceMlSchemaVersion version) =>
        CommerceMlValidator.ValidateFile(TestData.PathOf("order-2.10-valid.xml"), version).ShouldBeEmpty();

    [Fact]
    public void FileWithoutTheNamespace_ShouldFailOnWarningsAndTheRootCheck()
    {
        var issues = CommerceMlValidator.ValidateFile(TestData.PathOf("bitrix-orders-2.05-cp1251.xml"));

        issues.ShouldContain(i => i.Severity == CommerceMlIssueSeverity.Error && i.Line == 2 && i.Message.Contains("namespace"));
        issues.Count(i => i.Severity == CommerceMlIssueSeverity.Warning).ShouldBeGreaterThan(100);
    }

    [Fact]
    public void OneC209Output_ShouldReportTheNonSchemaElementWithItsPosition()
    {
        var issues = CommerceMlValidator.ValidateFile(TestData.PathOf("1c-orders-documents-2.09.xml"));

        issues.ShouldContain(i => i.Severity == CommerceMlIssueSeverity.Error && i.Message.Contains("НомерВерсии") && i.Line == 6 && i.Position > 0);
    }

    [Fact]
    public void ThreeDecimalAmount_ShouldBeAnError()
    {
        var text = File.ReadAllText(TestData.PathOf("order-2.10-valid.xml")).Replace("<Сумма>14400.00</Сумма>", "<Сумма>14400.001</Сумма>", StringComparison.Ordinal);

        var issues = CommerceMlValidator.Validate(TestData.Utf8(text));

        issues.ShouldHaveSingleItem().Severity.ShouldBe(CommerceMlIssueSeverity.Error);
    }

    [Fact]
    public void MalformedFile_ShouldEndWithTheParseErrorAndItsPosition()
    {
        var issue = CommerceMlValidator.Validate(TestData.Utf8("<a>\n<b></a>"))[^1];

        issue.Severity.ShouldBe(CommerceMlIssueSeverity.Error);
        (issue.Line, issue.Position).ShouldBe((2, 6));
        issue.Message.ShouldContain("does not match the end tag");
    }

    [Fact]
    public void Dtd_ShouldBeRefused() =>
        CommerceMlValidator.Validate(TestData.Utf8("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY b \"c\">]><a>&b;</a>"))
            .ShouldHaveSingleItem().Message.ShouldContain("DTD");
}
