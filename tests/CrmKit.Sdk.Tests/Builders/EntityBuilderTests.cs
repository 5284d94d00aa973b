using System.Text.Json.Nodes;
using CrmKit.Sdk.Builders;
using CrmKit.Sdk.Metadata;

namespace CrmKit.Sdk.Tests.Builders;

public class EntityBuilderTests
{
    [Fact]
    public void Build_ShouldWriteDocumentHeader()
    {
        var document = new EntityBuilder("deal").Label("Deal", "Сделка").PluralLabel("Deals", "Сделки").Build();

        ((string?)document["$schema"]).ShouldBe(CrmSchemaKeywords.Dialect);
        ((string?)document["type"]).ShouldBe("object");
        ((string?)document[CrmSchemaKeywords.Entity]).ShouldBe("deal");
        ((string?)document[CrmSchemaKeywords.Labels]!["ru"]).ShouldBe("Сделка");
        ((string?)document[CrmSchemaKeywords.PluralLabels]!["en"]).ShouldBe("Deals");
        ((bool?)document["additionalProperties"]).ShouldBe(false);
    }

    [Fact]
    public void Build_ShouldOmitLabels_WhenNotSet()
    {
        var document = new EntityBuilder("deal").Build();

        document.ContainsKey(CrmSchemaKeywords.Labels).ShouldBeFalse();
        document.ContainsKey(CrmSchemaKeywords.PluralLabels).ShouldBeFalse();
        document["properties"].ShouldBeOfType<JsonObject>().Count.ShouldBe(0);
        document["required"].ShouldBeOfType<JsonArray>().Count.ShouldBe(0);
    }

    [Fact]
    public void Build_ShouldWriteEachFieldAsProperty_InOrder()
    {
        var document = new EntityBuilder("deal")
            .String("title", f => f.Label("Title", "Название").MaxLength(200).Indexed())
            .Money("amount", f => f.Minimum(0))
            .Build();

        var properties = document["properties"].ShouldBeOfType<JsonObject>();
        properties.Select(p => p.Key).ShouldBe(["title", "amount"]);
        var title = properties["title"]!;
        ((string?)title[CrmSchemaKeywords.Type]).ShouldBe("string");
        ((string?)title[CrmSchemaKeywords.Labels]!["en"]).ShouldBe("Title");
        ((int?)title["maxLength"]).ShouldBe(200);
        ((bool?)title[CrmSchemaKeywords.Indexed]).ShouldBe(true);
        ((decimal?)properties["amount"]!["minimum"]).ShouldBe(0m);
    }

    [Fact]
    public void Build_ShouldListRequiredFields_Only()
    {
        var document = new EntityBuilder("contact")
            .String("first_name", f => f.Required())
            .String("middle_name")
            .Email("email", f => f.Required())
            .String("nickname", f => f.Required().Required(false))
            .Build();

        document["required"]!.AsArray().Select(n => (string?)n).ShouldBe(["first_name", "email"]);
    }

    [Fact]
    public void Build_ShouldTurnOptionLabelsIntoEnum_ForEnumField()
    {
        var document = new EntityBuilder("deal")
            .Enum("stage", f => f.Option("new", "New", "Новая").Option("won", "Won", "Выиграна"))
            .Build();

        var stage = document["properties"]!["stage"]!;
        stage["enum"]!.AsArray().Select(n => (string?)n).ShouldBe(["new", "won"]);
        ((string?)stage[CrmSchemaKeywords.OptionLabels]!["won"]!["ru"]).ShouldBe("Выиграна");
        stage.AsObject().ContainsKey("items").ShouldBeFalse();
    }

    [Fact]
    public void Build_ShouldTurnOptionLabelsIntoItemsEnum_ForMultiEnumField()
    {
        var document = new EntityBuilder("contact")
            .MultiEnum("tags", f => f.Option("vip", "VIP").Option("partner", "Partner"))
            .Build();

        var tags = document["properties"]!["tags"]!.AsObject();
        tags.ContainsKey("enum").ShouldBeFalse();
        tags["items"]!["enum"]!.AsArray().Select(n => (string?)n).ShouldBe(["vip", "partner"]);
    }

    [Fact]
    public void Build_ShouldKeepExplicitEnum_WhenSetWithKeyword()
    {
        var document = new EntityBuilder("deal")
            .Enum("stage", f => f.Option("won", "Won").Keyword("enum", new JsonArray("won", "lost")))
            .Build();

        document["properties"]!["stage"]!["enum"]!.AsArray().Select(n => (string?)n).ShouldBe(["won", "lost"]);
    }

    [Fact]
    public void Build_ShouldWriteLookupTarget_WithRestrictByDefault()
    {
        var document = new EntityBuilder("deal").Lookup("company_id", "company").Build();

        var field = document["properties"]!["company_id"]!;
        ((string?)field[CrmSchemaKeywords.Type]).ShouldBe("lookup");
        ((string?)field[CrmSchemaKeywords.Lookup]!["entity"]).ShouldBe("company");
        ((string?)field[CrmSchemaKeywords.Lookup]!["onDelete"]).ShouldBe("restrict");
    }

    [Fact]
    public void Build_ShouldWriteSetNull_WhenLookupClearsOnDelete()
    {
        var document = new EntityBuilder("deal")
            .Lookup("contact_id", "contact", f => f.References("contact", LookupDeleteBehavior.SetNull))
            .Build();

        ((string?)document["properties"]!["contact_id"]![CrmSchemaKeywords.Lookup]!["onDelete"]).ShouldBe("setNull");
    }

    [Fact]
    public void Build_ShouldReturnIndependentCopies()
    {
        var builder = new EntityBuilder("deal").String("title");

        var first = builder.Build();
        first["properties"]!["title"]!["maxLength"] = 5;

        builder.Build()["properties"]!["title"]!.AsObject().ContainsKey("maxLength").ShouldBeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Constructor_ShouldThrow_WhenNameIsBlank(string name)
    {
        Should.Throw<ArgumentException>(() => new EntityBuilder(name));
    }
}
