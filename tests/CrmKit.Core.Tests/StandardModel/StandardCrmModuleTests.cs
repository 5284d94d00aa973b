using System.Text.Json.Nodes;
using CrmKit.Core.Fields;
using CrmKit.Core.StandardModel;
using CrmKit.Core.Tests.StandardModel.Fakes;
using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Metadata;

namespace CrmKit.Core.Tests.StandardModel;

public sealed class StandardCrmModuleTests
{
    private readonly Dictionary<string, JsonObject> _entities;

    public StandardCrmModuleTests()
    {
        var module = new StandardCrmModule();
        var builder = new FakeCrmBuilder(module.Id);
        module.Configure(builder);
        _entities = builder.EntityRegistry.Defined;
        builder.EntityRegistry.Extended.ShouldBeEmpty();
        builder.Services.ShouldBeEmpty();
    }

    public static TheoryData<string> EntityNames { get; } = new(StandardEntities.All);

    [Fact]
    public void Id_ShouldBeCrmKitStandard()
    {
        new StandardCrmModule().Id.ShouldBe("crmkit.standard");
    }

    [Fact]
    public void Configure_ShouldDefineSixEntities()
    {
        _entities.Keys.ShouldBe(["company", "contact", "lead", "deal", "activity", "note"]);
    }

    [Theory]
    [MemberData(nameof(EntityNames))]
    public void Configure_ShouldLabelEntityInEnglishAndRussian(string entity)
    {
        var schema = _entities[entity];

        ShouldHaveEnglishAndRussian(schema[CrmSchemaKeywords.Labels], entity);
        ShouldHaveEnglishAndRussian(schema[CrmSchemaKeywords.PluralLabels], entity);
    }

    [Theory]
    [MemberData(nameof(EntityNames))]
    public void Configure_ShouldLabelEveryFieldAndOptionInEnglishAndRussian(string entity)
    {
        foreach (var (name, field) in Properties(entity))
        {
            ShouldHaveEnglishAndRussian(field[CrmSchemaKeywords.Labels], $"{entity}.{name}");
            if (field[CrmSchemaKeywords.OptionLabels] is JsonObject options)
            {
                options.Count.ShouldBeGreaterThan(0);
                foreach (var (option, labels) in options)
                {
                    ShouldHaveEnglishAndRussian(labels, $"{entity}.{name}={option}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(EntityNames))]
    public void Configure_ShouldUseOnlyBuiltInTypesAndSnakeCaseNames(string entity)
    {
        var builtIn = BuiltInFieldTypeCatalog.All.Select(t => t.Descriptor.Name).ToHashSet();
        foreach (var (name, field) in Properties(entity))
        {
            name.ShouldMatch("^[a-z][a-z0-9_]*$");
            SystemFields.Contains(name).ShouldBeFalse($"{entity}.{name} clashes with a system field");
            builtIn.ShouldContain(field[CrmSchemaKeywords.Type]!.GetValue<string>());
        }
    }

    [Fact]
    public void Configure_ShouldPointEveryLookupAtAnEntityOfTheModule()
    {
        var lookups = _entities.Keys
            .SelectMany(entity => Properties(entity).Select(p => (Entity: entity, Name: p.Key, Field: p.Value)))
            .Where(p => p.Field[CrmSchemaKeywords.Type]!.GetValue<string>() == BuiltInFieldTypes.Lookup)
            .ToList();

        lookups.Count.ShouldBe(13);
        foreach (var (entity, name, field) in lookups)
        {
            var target = field[CrmSchemaKeywords.Lookup]!["entity"]!.GetValue<string>();
            _entities.Keys.ShouldContain(target, $"{entity}.{name}");
            field[CrmSchemaKeywords.Lookup]!["onDelete"]!.GetValue<string>().ShouldBe("setNull", $"{entity}.{name}");
            field[CrmSchemaKeywords.Indexed]!.GetValue<bool>().ShouldBeTrue($"{entity}.{name}");
        }
    }

    [Theory]
    [InlineData("company", "name")]
    [InlineData("contact", "first_name")]
    [InlineData("lead", "title")]
    [InlineData("deal", "title")]
    [InlineData("deal", "stage")]
    [InlineData("activity", "type")]
    [InlineData("activity", "subject")]
    [InlineData("note", "body")]
    public void Configure_ShouldRequireKeyFields(string entity, string field)
    {
        _entities[entity]["required"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldContain(field);
    }

    [Theory]
    [InlineData("company", "name")]
    [InlineData("contact", "last_name")]
    [InlineData("contact", "email")]
    [InlineData("contact", "phone")]
    [InlineData("lead", "status")]
    [InlineData("lead", "responsible_user")]
    [InlineData("deal", "stage")]
    [InlineData("deal", "expected_close_date")]
    [InlineData("deal", "responsible_user")]
    [InlineData("activity", "due_at")]
    [InlineData("activity", "status")]
    [InlineData("activity", "responsible_user")]
    public void Configure_ShouldIndexFieldsUsedForFilteringAndSorting(string entity, string field)
    {
        Properties(entity)[field][CrmSchemaKeywords.Indexed]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public void Configure_ShouldDefineTheDealPipelineInOrder()
    {
        var stage = Properties("deal")["stage"];

        stage["enum"]!.AsArray().Select(n => n!.GetValue<string>())
            .ShouldBe(["new", "qualification", "proposal", "negotiation", "won", "lost"]);
        stage[CrmSchemaKeywords.OptionLabels]!["won"]!["ru"]!.GetValue<string>().ShouldBe("Выиграна");
    }

    [Theory]
    [InlineData("lead", "source", new[] { "website", "telegram", "vk", "referral", "cold_call", "other" })]
    [InlineData("contact", "source", new[] { "website", "telegram", "vk", "referral", "cold_call", "other" })]
    [InlineData("lead", "status", new[] { "new", "in_progress", "qualified", "disqualified", "converted" })]
    [InlineData("activity", "type", new[] { "task", "call", "meeting", "email", "message" })]
    [InlineData("activity", "direction", new[] { "inbound", "outbound" })]
    [InlineData("activity", "status", new[] { "planned", "done", "cancelled" })]
    public void Configure_ShouldDeclareEnumOptions(string entity, string field, string[] options)
    {
        Properties(entity)[field]["enum"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(options);
    }

    [Fact]
    public void Configure_ShouldBoundDealProbabilityToPercent()
    {
        var probability = Properties("deal")["probability"];

        probability[CrmSchemaKeywords.Type]!.GetValue<string>().ShouldBe(BuiltInFieldTypes.Integer);
        probability["minimum"]!.GetValue<decimal>().ShouldBe(0m);
        probability["maximum"]!.GetValue<decimal>().ShouldBe(100m);
    }

    [Theory]
    [InlineData("company", "annual_revenue", BuiltInFieldTypes.Money)]
    [InlineData("company", "website", BuiltInFieldTypes.Url)]
    [InlineData("contact", "birthday", BuiltInFieldTypes.Date)]
    [InlineData("lead", "expected_amount", BuiltInFieldTypes.Money)]
    [InlineData("deal", "amount", BuiltInFieldTypes.Money)]
    [InlineData("activity", "due_at", BuiltInFieldTypes.DateTime)]
    [InlineData("activity", "completed_at", BuiltInFieldTypes.DateTime)]
    [InlineData("note", "pinned", BuiltInFieldTypes.Boolean)]
    [InlineData("lead", "responsible_user", BuiltInFieldTypes.String)]
    public void Configure_ShouldGiveFieldsTheirTypes(string entity, string field, string type)
    {
        Properties(entity)[field][CrmSchemaKeywords.Type]!.GetValue<string>().ShouldBe(type);
    }

    [Theory]
    [InlineData("activity")]
    [InlineData("note")]
    public void Configure_ShouldLinkActivitiesAndNotesToTheRecordsTheyConcern(string entity)
    {
        var targets = Properties(entity)
            .Where(p => p.Value[CrmSchemaKeywords.Lookup] is not null)
            .ToDictionary(p => p.Key, p => p.Value[CrmSchemaKeywords.Lookup]!["entity"]!.GetValue<string>());

        targets.ShouldBe(new Dictionary<string, string>
        {
            ["company"] = "company", ["contact"] = "contact", ["deal"] = "deal", ["lead"] = "lead",
        }, ignoreOrder: true);
    }

    private Dictionary<string, JsonObject> Properties(string entity) =>
        _entities[entity]["properties"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.AsObject());

    private static void ShouldHaveEnglishAndRussian(JsonNode? labels, string where)
    {
        labels.ShouldNotBeNull(where);
        var en = labels["en"]?.GetValue<string>();
        var ru = labels["ru"]?.GetValue<string>();
        en.ShouldNotBeNullOrWhiteSpace(where);
        ru.ShouldNotBeNullOrWhiteSpace(where);
        ru.ShouldMatch("[А-Яа-яЁё]|^(Telegram)$", where);
    }
}
