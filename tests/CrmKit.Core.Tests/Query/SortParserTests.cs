using CrmKit.Core.Query;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Fields;

namespace CrmKit.Core.Tests.Query;

public class SortParserTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Parse_ShouldSortById_WhenNoSortIsGiven(string? text)
    {
        var keys = Parse(text);

        keys.ShouldBe([new SortKey(new FieldReference("id", FieldValueKind.Reference, IsSystem: true), false)]);
    }

    [Fact]
    public void Parse_ShouldReadKeysAndDirections_AndAppendTheId()
    {
        var keys = Parse("amount desc, created_at,name ASC , stage DESC");

        keys.Select(k => (k.Field.Name, k.Descending)).ShouldBe(
        [
            ("amount", true), ("created_at", false), ("name", false), ("stage", true), ("id", false),
        ]);
        keys[0].Field.Kind.ShouldBe(FieldValueKind.Money);
        keys[1].Field.IsSystem.ShouldBeTrue();
        keys[^1].Field.ShouldBe(new FieldReference("id", FieldValueKind.Reference, IsSystem: true));
    }

    [Fact]
    public void Parse_ShouldNotAppendTheId_WhenItIsAlreadyAKey()
    {
        Parse("amount desc, id desc").Select(k => (k.Field.Name, k.Descending)).ShouldBe([("amount", true), ("id", true)]);
        Parse("id").Count.ShouldBe(1);
    }

    [Fact]
    public void Parse_ShouldDropKeysAfterTheId_SinceTheyCannotChangeTheOrder() =>
        Parse("id, name").Select(k => k.Field.Name).ShouldBe(["id"]);

    [Fact]
    public void Parse_ShouldAcceptFiveKeys()
    {
        Parse("name, stage, amount, quantity, close_date").Count.ShouldBe(6);
    }

    [Fact]
    public void Parse_ShouldRefuseMoreThanFiveKeys() =>
        Refuse("name, stage, amount, quantity, close_date, due_at", QueryErrors.InvalidSort).ShouldContain("5");

    [Fact]
    public void Parse_ShouldRefuseDuplicateKeys_NamingTheField() =>
        Refuse("name, amount desc, name desc", QueryErrors.InvalidSort).ShouldContain("'name'");

    [Fact]
    public void Parse_ShouldRefuseUnknownField_NamingIt()
    {
        var message = Refuse("amount, nickname desc", QueryErrors.UnknownField);

        message.ShouldContain("\"nickname\"");
        message.ShouldContain("position 9");
    }

    [Theory]
    [InlineData("name; drop table deal", QueryErrors.InvalidSort)]
    [InlineData("name;drop table", QueryErrors.UnknownField)]
    [InlineData("name;drop", QueryErrors.UnknownField)]
    [InlineData("(select 1)", QueryErrors.UnknownField)]
    [InlineData("name desc nulls first", QueryErrors.InvalidSort)]
    [InlineData("name downward", QueryErrors.InvalidSort)]
    [InlineData("name,,amount", QueryErrors.InvalidSort)]
    [InlineData("name,", QueryErrors.InvalidSort)]
    [InlineData(",name", QueryErrors.InvalidSort)]
    [InlineData("Name", QueryErrors.UnknownField)]
    [InlineData("-name", QueryErrors.UnknownField)]
    public void Parse_ShouldRefuseMalformedOrSqlLookingSorts(string text, string code) => Refuse(text, code);

    [Theory]
    [InlineData("extra")]
    [InlineData("tags desc")]
    public void Parse_ShouldRefuseJsonAndListFields_AsNotSortable(string text) =>
        Refuse(text, QueryErrors.FieldNotSortable);

    [Fact]
    public void Parse_ShouldRefuseVeryLongSorts() =>
        Refuse(new string(' ', SortParser.MaxLength) + "name", QueryErrors.InvalidSort);

    [Fact]
    public void Parse_ShouldGiveRussianMessages()
    {
        var exception = Should.Throw<CrmException>(() => Parse("name sideways"));

        exception.Errors[0].Message.Get(QueryFixtures.Russian).ShouldContain("asc или desc");
        exception.Title.Get(QueryFixtures.Russian).ShouldBe("Сортировка задана неверно.");
    }

    private static IReadOnlyList<SortKey> Parse(string? text) =>
        SortParser.Parse(text, QueryFixtures.Deal, QueryFixtures.KindOf);

    private static string Refuse(string text, string code) =>
        Should.Throw<CrmException>(() => Parse(text)).ShouldBeQueryError(code, QueryErrors.SortPointer);
}
