using CrmKit.Core.Query;
using CrmKit.Sdk.Errors;

namespace CrmKit.Core.Tests.Query;

public class FilterParserErrorTests
{
    [Fact]
    public void Parse_ShouldRefuseUnknownField_NamingIt()
    {
        var message = Refuse("name eq 'a' and nickname eq 'b'", QueryErrors.UnknownField);

        message.ShouldContain("nickname");
        message.ShouldContain("deal");
        message.ShouldContain("position 17");
    }

    [Theory]
    [InlineData("Name eq 'x'")]
    [InlineData("NAME eq 'x'")]
    [InlineData("sqlite_master eq 'x'")]
    [InlineData("_rowid_ eq 1")]
    public void Parse_ShouldRefuseFieldsNotInMetadata_AsUnknown(string filter) =>
        Refuse(filter, QueryErrors.UnknownField);

    [Theory]
    [InlineData("name; drop table deal", "\"name;\"")]
    [InlineData("name;drop eq 'x'", "\"name;drop\"")]
    [InlineData("deal.name eq 'x'", "\"deal.name\"")]
    [InlineData("name eq 'x'; drop table deal", "\";\"")]
    [InlineData("name eq 'x' -- comment", "\"-\"")]
    [InlineData("\"name\" eq 'x'", "\"\"\"")]
    [InlineData("name = 'x'", "\"=\"")]
    [InlineData("name eq 'x' /* c */", "\"/\"")]
    [InlineData("name eq 'x' union select 1", "\"union\"")]
    public void Parse_ShouldRefuseSqlLookingFieldsAndSyntax_NamingTheToken(string filter, string token) =>
        Refuse(filter, QueryErrors.InvalidFilter).ShouldContain(token);

    [Theory]
    [InlineData("quantity eq 'five'", "quantity", "whole number")]
    [InlineData("quantity eq 1.5", "quantity", "whole number")]
    [InlineData("quantity eq 9223372036854775808", "quantity", "whole number")]
    [InlineData("quantity eq true", "quantity", "whole number")]
    [InlineData("amount eq '1000'", "amount", "a number")]
    [InlineData("amount eq 79228162514264337593543950336", "amount", "a number")]
    [InlineData("probability eq 0.12345678901234567890123456789", "probability", "a number")]
    [InlineData("probability eq 0.00000000000000000000000000001", "probability", "a number")]
    [InlineData("name eq 5", "name", "single quotes")]
    [InlineData("name eq 2026-01-01", "name", "single quotes")]
    [InlineData("active eq 'true'", "active", "true or false")]
    [InlineData("active eq 1", "active", "true or false")]
    [InlineData("close_date eq 2026-02-30", "close_date", "a date")]
    [InlineData("close_date eq 2026-01-01T10:00:00Z", "close_date", "a date")]
    [InlineData("close_date eq '31.01.2026'", "close_date", "a date")]
    [InlineData("due_at ge 'yesterday'", "due_at", "date-time")]
    [InlineData("due_at ge '2026-01-01T10:00:00'", "due_at", "date-time")]
    [InlineData("due_at ge 2026-13-01", "due_at", "date-time")]
    [InlineData("due_at ge 2026-01-01T25:00:00Z", "due_at", "date-time")]
    [InlineData("due_at ge 2026-01-01T10:00:00+15:00", "due_at", "date-time")]
    [InlineData("company_id eq 'abc'", "company_id", "UUID")]
    [InlineData("company_id eq ' 0190c2a4-7b7e-7c3a-9f1e-2b3c4d5e6f70'", "company_id", "UUID")]
    [InlineData("company_id eq 42", "company_id", "UUID")]
    [InlineData("id eq 'x'", "id", "UUID")]
    [InlineData("version eq 'x'", "version", "whole number")]
    [InlineData("contains(name, 5)", "name", "single quotes")]
    [InlineData("tags has 1", "tags", "single quotes")]
    public void Parse_ShouldRefuseLiteralOfWrongType_NamingFieldAndExpectation(string filter, string field, string expected)
    {
        var message = Refuse(filter, QueryErrors.InvalidLiteral);

        message.ShouldContain($"'{field}'");
        message.ShouldContain(expected);
    }

    [Theory]
    [InlineData("stage eq 'done'", "\"done\"")]
    [InlineData("stage in ('won', 'Won')", "\"Won\"")]
    [InlineData("stage ne 'WON'", "\"WON\"")]
    [InlineData("tags has 'gold'", "\"gold\"")]
    public void Parse_ShouldRefuseValuesOutsideEnumOptions_ListingThem(string filter, string value)
    {
        var message = Refuse(filter, QueryErrors.InvalidLiteral);

        message.ShouldContain(value);
        message.ShouldContain("options");
    }

    [Theory]
    [InlineData("quantity gt null")]
    [InlineData("name in ('a', null)")]
    [InlineData("tags has null")]
    [InlineData("startswith(name, null)")]
    public void Parse_ShouldRefuseNull_OutsideEqAndNe(string filter) =>
        Refuse(filter, QueryErrors.InvalidLiteral).ShouldContain("null");

    [Theory]
    [InlineData("extra eq 'x'")]
    [InlineData("extra eq null")]
    [InlineData("contains(extra, 'x')")]
    public void Parse_ShouldRefuseJsonFields_AsNotFilterable(string filter) =>
        Refuse(filter, QueryErrors.FieldNotFilterable).ShouldContain("'extra'");

    [Theory]
    [InlineData("name has 'x'", "has")]
    [InlineData("tags eq 'vip'", "eq")]
    [InlineData("tags in ('vip')", "in")]
    [InlineData("active gt false", "gt")]
    [InlineData("contains(quantity, '1')", "contains")]
    [InlineData("startswith(company_id, '0190')", "startswith")]
    [InlineData("endswith(due_at, 'Z')", "endswith")]
    public void Parse_ShouldRefuseOperatorsThatDoNotApply_NamingThem(string filter, string op) =>
        Refuse(filter, QueryErrors.InvalidFilter).ShouldContain($"\"{op}\"");

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("name")]
    [InlineData("name eq")]
    [InlineData("name 'x'")]
    [InlineData("name eq bob")]
    [InlineData("name eq 'x' and")]
    [InlineData("name eq 'x' or or name eq 'y'")]
    [InlineData("(name eq 'x'")]
    [InlineData("name eq 'x')")]
    [InlineData("()")]
    [InlineData("name eq 'x' name eq 'y'")]
    [InlineData("quantity in ()")]
    [InlineData("quantity in (1 2)")]
    [InlineData("quantity in (1,)")]
    [InlineData("quantity in 1")]
    [InlineData("contains(name 'x')")]
    [InlineData("contains(name, 'x'")]
    [InlineData("contains('x', name)")]
    [InlineData("quantity eq 1e3")]
    [InlineData("quantity eq 12abc")]
    [InlineData("quantity eq +1")]
    [InlineData("quantity eq 1.")]
    [InlineData("due_at ge 2026-01-01T10:00:00")]
    [InlineData("name eq \"x\"")]
    [InlineData("name eq 'x' and not")]
    [InlineData("name eq ‘x’")]
    [InlineData("name\u00a0eq 'x'")]
    public void Parse_ShouldRefuseMalformedFilters_AsInvalidFilter(string filter)
    {
        var message = Refuse(filter, QueryErrors.InvalidFilter);

        message.ShouldContain("position");
    }

    [Fact]
    public void Parse_ShouldRefuseUnterminatedString_NamingWhereItStarts() =>
        Refuse("name eq 'abc", QueryErrors.InvalidFilter).ShouldContain("position 9");

    [Fact]
    public void Parse_ShouldExplain_ThatADateTimeNeedsAnOffset() =>
        Refuse("due_at ge 2026-01-01T10:00:00", QueryErrors.InvalidFilter).ShouldContain("without an offset");

    [Fact]
    public void Parse_ShouldShowControlCharacters_AsCodePoints() =>
        Refuse("name eq 'x' \u0001", QueryErrors.InvalidFilter).ShouldContain("U+0001");

    [Fact]
    public void Parse_ShouldShortenLongTokens_InMessages()
    {
        var message = Refuse(new string('a', 300) + " eq 'x'", QueryErrors.UnknownField);

        message.ShouldNotContain(new string('a', 41));
        message.ShouldContain("…");
    }

    [Fact]
    public void Parse_ShouldRefuseFiltersLongerThanTheLimit()
    {
        var filter = "name eq '" + new string('x', FilterParser.MaxLength) + "'";

        Refuse(filter, QueryErrors.FilterTooComplex).ShouldContain("4000");
    }

    [Fact]
    public void Parse_ShouldAcceptFilters_AtTheLengthLimit()
    {
        var filter = "name eq '" + new string('x', FilterParser.MaxLength - 10) + "'";

        filter.Length.ShouldBe(FilterParser.MaxLength);
        Parse(filter).ShouldBeOfType<ComparisonFilter>();
    }

    [Fact]
    public void Parse_ShouldAcceptNesting_UpToTheLimit()
    {
        var depth = FilterParser.MaxDepth;
        Parse(new string('(', depth) + "name eq 'x'" + new string(')', depth)).ShouldBeOfType<ComparisonFilter>();
        Parse(string.Concat(Enumerable.Repeat("not ", depth)) + "name eq 'x'").ShouldBeOfType<NotFilter>();
    }

    [Fact]
    public void Parse_ShouldRefuseNesting_BeyondTheLimit()
    {
        var depth = FilterParser.MaxDepth + 1;

        Refuse(new string('(', depth) + "name eq 'x'" + new string(')', depth), QueryErrors.FilterTooComplex)
            .ShouldContain("32");
        Refuse(string.Concat(Enumerable.Repeat("not ", depth)) + "name eq 'x'", QueryErrors.FilterTooComplex);
        Refuse(string.Concat(Enumerable.Repeat("not (", 20)) + "name eq 'x'" + new string(')', 20), QueryErrors.FilterTooComplex);
    }

    [Fact]
    public void Parse_ShouldRefuseDeepNesting_WithoutOverflowingTheStack() =>
        Refuse(new string('(', FilterParser.MaxLength), QueryErrors.FilterTooComplex);

    [Fact]
    public void Parse_ShouldCountTerms_UpToTheLimit()
    {
        var allowed = string.Join(" or ", Enumerable.Repeat("quantity eq 1", FilterParser.MaxTerms));
        Parse(allowed).ShouldBeOfType<LogicalFilter>().Operands.Count.ShouldBe(FilterParser.MaxTerms);

        var tooMany = string.Join(" or ", Enumerable.Repeat("quantity eq 1", FilterParser.MaxTerms + 1));
        Refuse(tooMany, QueryErrors.FilterTooComplex).ShouldContain("200");
    }

    [Fact]
    public void Parse_ShouldRefuseInLists_LongerThanTheLimit()
    {
        var filter = "quantity in (" + string.Join(",", Enumerable.Range(0, FilterParser.MaxListLength + 1)) + ")";

        Refuse(filter, QueryErrors.FilterTooComplex).ShouldContain("500");
    }

    [Fact]
    public void Parse_ShouldGiveRussianMessages_WhenAskedInRussian()
    {
        var exception = Should.Throw<CrmException>(() => Parse("quantity eq 'five'"));

        exception.Title.Get(QueryFixtures.Russian).ShouldBe("Фильтр задан неверно.");
        var russian = exception.Errors[0].Message.Get(QueryFixtures.Russian);
        russian.ShouldContain("целое число");
        russian.ShouldContain("'quantity'");
        russian.ShouldContain("\"'five'\"");
        exception.Errors[0].Message.Get(QueryFixtures.English).ShouldContain("expects a whole number");
    }

    [Fact]
    public void Parse_ShouldLocalizeTheEndOfTheFilter_InsideMessages()
    {
        var exception = Should.Throw<CrmException>(() => Parse("name eq"));

        exception.Errors[0].Message.Get(QueryFixtures.English).ShouldContain("the end of the filter");
        exception.Errors[0].Message.Get(QueryFixtures.Russian).ShouldContain("конец фильтра");
    }

    private static FilterNode Parse(string filter) => FilterParser.Parse(filter, QueryFixtures.Deal, QueryFixtures.KindOf);

    private static string Refuse(string filter, string code) =>
        Should.Throw<CrmException>(() => Parse(filter)).ShouldBeQueryError(code, QueryErrors.FilterPointer);
}
