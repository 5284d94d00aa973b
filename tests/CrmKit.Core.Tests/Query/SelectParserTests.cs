using CrmKit.Core.Query;
using CrmKit.Sdk.Errors;

namespace CrmKit.Core.Tests.Query;

public class SelectParserTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" , ")]
    public void Parse_ShouldSelectEverything_WhenNothingIsGiven(string? text) =>
        SelectParser.Parse(text, QueryFixtures.Deal).ShouldBeNull();

    [Fact]
    public void Parse_ShouldKeepTheOrder_AndDropRepeats() =>
        SelectParser.Parse("name, stage,name ,id, extra", QueryFixtures.Deal).ShouldBe(["name", "stage", "id", "extra"]);

    [Fact]
    public void Parse_ShouldCheckLists_TheSameWay()
    {
        SelectParser.Parse((IReadOnlyList<string>?)null, QueryFixtures.Deal).ShouldBeNull();
        SelectParser.Parse(["amount", " owner_id ", ""], QueryFixtures.Deal).ShouldBe(["amount", "owner_id"]);
    }

    [Theory]
    [InlineData("name, nickname", "\"nickname\"")]
    [InlineData("name; drop table deal", "\"name; drop table deal\"")]
    [InlineData("*", "\"*\"")]
    [InlineData("Name", "\"Name\"")]
    public void Parse_ShouldRefuseUnknownFields_NamingThem(string text, string name)
    {
        var exception = Should.Throw<CrmException>(() => SelectParser.Parse(text, QueryFixtures.Deal));

        exception.ShouldBeQueryError(QueryErrors.UnknownField, QueryErrors.SelectPointer).ShouldContain(name);
    }

    [Fact]
    public void Parse_ShouldRefuseUnknownFieldsInLists() =>
        Should.Throw<CrmException>(() => SelectParser.Parse(["name", "1=1"], QueryFixtures.Deal))
            .ShouldBeQueryError(QueryErrors.UnknownField, QueryErrors.SelectPointer);
}
