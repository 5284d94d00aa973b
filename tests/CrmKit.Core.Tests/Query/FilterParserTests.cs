using CrmKit.Core.Query;
using CrmKit.Sdk.Fields;

namespace CrmKit.Core.Tests.Query;

public class FilterParserTests
{
    private const string CompanyId = "0190c2a4-7b7e-7c3a-9f1e-2b3c4d5e6f70";

    [Theory]
    [InlineData("eq", ComparisonOperator.Eq)]
    [InlineData("ne", ComparisonOperator.Ne)]
    [InlineData("gt", ComparisonOperator.Gt)]
    [InlineData("ge", ComparisonOperator.Ge)]
    [InlineData("lt", ComparisonOperator.Lt)]
    [InlineData("le", ComparisonOperator.Le)]
    [InlineData("GE", ComparisonOperator.Ge)]
    public void Parse_ShouldBuildComparison_ForEachOperator(string op, ComparisonOperator expected)
    {
        var node = Comparison($"quantity {op} 42");

        node.Operator.ShouldBe(expected);
        node.Field.ShouldBe(new FieldReference("quantity", FieldValueKind.Integer, IsSystem: false));
        node.Value.ShouldBe(42L);
    }

    [Fact]
    public void Parse_ShouldTypeNumbersExactly_ByFieldKind()
    {
        Comparison("quantity eq -7").Value.ShouldBe(-7L);
        Comparison("quantity eq 9223372036854775807").Value.ShouldBe(long.MaxValue);
        Comparison("amount ge 1000").Value.ShouldBe(1000m);
        Comparison("amount ge 12345678901234.56").Value.ShouldBe(12345678901234.56m);
        Comparison("probability lt 0.1").Value.ShouldBe(0.1m);
        Comparison("probability gt -0.30").Value.ShouldBe(-0.30m);
        Comparison("amount eq 0.1000000000000000000000000001").Value.ShouldBe(0.1000000000000000000000000001m);
        Comparison("amount ge 1000").Field.Kind.ShouldBe(FieldValueKind.Money);
    }

    [Fact]
    public void Parse_ShouldTypeBooleansAndTexts()
    {
        Comparison("active eq true").Value.ShouldBe(true);
        Comparison("active ne FALSE").Value.ShouldBe(false);
        Comparison("name eq 'Acme'").Value.ShouldBe("Acme");
        Comparison("stage eq 'won'").Value.ShouldBe("won");
        Comparison("notes eq ''").Value.ShouldBe(string.Empty);
        Comparison("name eq 'Ёлка ☃'").Value.ShouldBe("Ёлка ☃");
    }

    [Theory]
    [InlineData("close_date eq 2026-01-31", "2026-01-31")]
    [InlineData("close_date eq '2026-01-31'", "2026-01-31")]
    [InlineData("due_at ge 2026-01-01", "2026-01-01T00:00:00.0000000Z")]
    [InlineData("due_at ge '2026-01-01'", "2026-01-01T00:00:00.0000000Z")]
    [InlineData("due_at ge 2026-01-01T10:00:00Z", "2026-01-01T10:00:00.0000000Z")]
    [InlineData("due_at ge 2026-01-01t10:00:00z", "2026-01-01T10:00:00.0000000Z")]
    [InlineData("due_at ge 2026-01-01T10:00:00+03:00", "2026-01-01T07:00:00.0000000Z")]
    [InlineData("due_at ge 2026-01-01T01:30:00-02:30", "2026-01-01T04:00:00.0000000Z")]
    [InlineData("due_at ge 2026-01-01T10:00Z", "2026-01-01T10:00:00.0000000Z")]
    [InlineData("due_at lt '2026-01-01T10:00:00.1234567Z'", "2026-01-01T10:00:00.1234567Z")]
    [InlineData("due_at lt 2026-01-01T00:30:00.5+01:00", "2025-12-31T23:30:00.5000000Z")]
    [InlineData("created_at ge 2026-01-01", "2026-01-01T00:00:00.0000000Z")]
    public void Parse_ShouldNormalizeDatesAndInstants(string filter, string expected) =>
        Comparison(filter).Value.ShouldBe(expected);

    [Theory]
    [InlineData("company_id eq " + CompanyId)]
    [InlineData("company_id eq '" + CompanyId + "'")]
    [InlineData("company_id eq 0190C2A4-7B7E-7C3A-9F1E-2B3C4D5E6F70")]
    public void Parse_ShouldNormalizeIds_ToLowerCase(string filter)
    {
        var node = Comparison(filter);

        node.Value.ShouldBe(CompanyId);
        node.Field.Kind.ShouldBe(FieldValueKind.Reference);
    }

    [Fact]
    public void Parse_ShouldResolveSystemFields_WithFixedKinds()
    {
        Comparison("id eq a190c2a4-7b7e-7c3a-9f1e-2b3c4d5e6f70").Field
            .ShouldBe(new FieldReference("id", FieldValueKind.Reference, IsSystem: true));
        Comparison("version ge 3").Field.ShouldBe(new FieldReference("version", FieldValueKind.Integer, IsSystem: true));
        Comparison("version ge 3").Value.ShouldBe(3L);
        Comparison("updated_at lt 2026-01-01").Field.Kind.ShouldBe(FieldValueKind.DateTime);
        Comparison("deleted_at eq null").Field.IsSystem.ShouldBeTrue();
        Comparison("owner_id eq 'u1'").Field.ShouldBe(new FieldReference("owner_id", FieldValueKind.Text, IsSystem: true));
        Comparison("created_by ne 'system'").Field.Kind.ShouldBe(FieldValueKind.Text);
    }

    [Fact]
    public void Parse_ShouldAcceptNull_WithEqAndNe()
    {
        Comparison("name eq null").Value.ShouldBeNull();
        Comparison("amount ne NULL").Value.ShouldBeNull();
        Comparison("active eq null").Operator.ShouldBe(ComparisonOperator.Eq);
    }

    [Fact]
    public void Parse_ShouldUnescapeDoubledQuotes()
    {
        Comparison("name eq 'O''Brien'").Value.ShouldBe("O'Brien");
        Comparison("name eq ''''").Value.ShouldBe("'");
        Comparison("stage eq 'it''s'").Value.ShouldBe("it's");
    }

    [Theory]
    [InlineData("name eq 'x''; drop table deal; --'", "x'; drop table deal; --")]
    [InlineData("name eq '1'' or ''1''=''1'", "1' or '1'='1")]
    [InlineData("name eq 'Robert\"); DROP TABLE Students;--'", "Robert\"); DROP TABLE Students;--")]
    [InlineData("name eq '%_\\[]'", "%_\\[]")]
    public void Parse_ShouldKeepSqlLookingStrings_AsPlainValues(string filter, string expected) =>
        Comparison(filter).Value.ShouldBe(expected);

    [Fact]
    public void Parse_ShouldBuildInList_WithTypedValues()
    {
        var stages = Parse("stage in ('won', 'lost')").ShouldBeOfType<InFilter>();
        stages.Values.ShouldBe(["won", "lost"]);

        var numbers = Parse("quantity IN (1,2, 3)").ShouldBeOfType<InFilter>();
        numbers.Values.ShouldBe([1L, 2L, 3L]);

        var single = Parse("amount in (10.5)").ShouldBeOfType<InFilter>();
        single.Values.ShouldBe([10.5m]);
    }

    [Fact]
    public void Parse_ShouldAcceptInList_OfMaximumLength()
    {
        var filter = "quantity in (" + string.Join(",", Enumerable.Range(0, FilterParser.MaxListLength)) + ")";

        Parse(filter).ShouldBeOfType<InFilter>().Values.Count.ShouldBe(FilterParser.MaxListLength);
    }

    [Fact]
    public void Parse_ShouldBuildHas_ForMultiEnum()
    {
        var node = Parse("tags has 'vip'").ShouldBeOfType<HasFilter>();

        node.Value.ShouldBe("vip");
        node.Field.Kind.ShouldBe(FieldValueKind.TextArray);
        Parse("labels HAS 'anything'").ShouldBeOfType<HasFilter>().Value.ShouldBe("anything");
    }

    [Theory]
    [InlineData("contains(name, 'Ac')", TextMatchKind.Contains)]
    [InlineData("startswith(name, 'Ac')", TextMatchKind.StartsWith)]
    [InlineData("endswith(name, 'Ac')", TextMatchKind.EndsWith)]
    [InlineData("CONTAINS ( name , 'Ac' )", TextMatchKind.Contains)]
    public void Parse_ShouldBuildTextMatch(string filter, TextMatchKind kind)
    {
        var node = Parse(filter).ShouldBeOfType<TextMatchFilter>();

        node.Kind.ShouldBe(kind);
        node.Field.Name.ShouldBe("name");
        node.Value.ShouldBe("Ac");
    }

    [Fact]
    public void Parse_ShouldNotCheckEnumOptions_InTextFunctions() =>
        Parse("contains(stage, 'wo')").ShouldBeOfType<TextMatchFilter>().Value.ShouldBe("wo");

    [Fact]
    public void Parse_ShouldGiveNotPrecedenceOverAnd_AndAndOverOr()
    {
        var or = Parse("name eq 'a' or quantity eq 1 and not active eq true").ShouldBeOfType<LogicalFilter>();
        or.Operator.ShouldBe(LogicalOperator.Or);
        or.Operands[0].ShouldBeOfType<ComparisonFilter>();
        var and = or.Operands[1].ShouldBeOfType<LogicalFilter>();
        and.Operator.ShouldBe(LogicalOperator.And);
        and.Operands[1].ShouldBeOfType<NotFilter>().Operand.ShouldBeOfType<ComparisonFilter>().Field.Name.ShouldBe("active");

        var notFirst = Parse("not name eq 'a' and quantity eq 1").ShouldBeOfType<LogicalFilter>();
        notFirst.Operator.ShouldBe(LogicalOperator.And);
        notFirst.Operands[0].ShouldBeOfType<NotFilter>();
    }

    [Fact]
    public void Parse_ShouldHonourParentheses()
    {
        var and = Parse("(name eq 'a' OR quantity eq 1) AnD active eq true").ShouldBeOfType<LogicalFilter>();

        and.Operator.ShouldBe(LogicalOperator.And);
        and.Operands[0].ShouldBeOfType<LogicalFilter>().Operator.ShouldBe(LogicalOperator.Or);
        Parse("not (name eq 'a' or name eq 'b')").ShouldBeOfType<NotFilter>().Operand.ShouldBeOfType<LogicalFilter>();
        Parse("((((name eq 'a'))))").ShouldBeOfType<ComparisonFilter>();
    }

    [Fact]
    public void Parse_ShouldFlattenChains_OfTheSameOperator()
    {
        var and = Parse("quantity gt 1 and quantity lt 9 and active eq true").ShouldBeOfType<LogicalFilter>();

        and.Operands.Count.ShouldBe(3);
    }

    [Fact]
    public void Parse_ShouldReadTheIssueExample()
    {
        var and = Parse("stage eq 'won' and amount ge 1000 and created_at ge 2026-01-01").ShouldBeOfType<LogicalFilter>();

        and.Operands.Cast<ComparisonFilter>().Select(c => c.Value)
            .ShouldBe(["won", 1000m, "2026-01-01T00:00:00.0000000Z"]);
    }

    [Fact]
    public void Parse_ShouldTreatKeywordNamedFields_AsFields()
    {
        Comparison("not eq 'x'").Field.Name.ShouldBe("not");
        Parse("not not eq 'x'").ShouldBeOfType<NotFilter>().Operand.ShouldBeOfType<ComparisonFilter>().Field.Name.ShouldBe("not");
        Comparison("contains eq 'x'").Field.Name.ShouldBe("contains");
    }

    [Fact]
    public void Parse_ShouldIgnoreWhitespace_AroundTokens() =>
        Comparison("\t name\r\n  eq\n'x'  ").Value.ShouldBe("x");

    private static FilterNode Parse(string filter) => FilterParser.Parse(filter, QueryFixtures.Deal, QueryFixtures.KindOf);

    private static ComparisonFilter Comparison(string filter) => Parse(filter).ShouldBeOfType<ComparisonFilter>();
}
