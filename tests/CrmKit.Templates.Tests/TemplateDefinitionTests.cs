using System.Text.Json.Nodes;
using System.Xml.Linq;
using CrmKit.Templates.Tests.Infrastructure;

namespace CrmKit.Templates.Tests;

/// <summary>Checks the template sources themselves; quick, and needs no packages.</summary>
public sealed class TemplateDefinitionTests
{
    public static TheoryData<string> Templates => new() { "crmkit-plugin", "crmkit-host", "crmkit-edition" };

    [Theory]
    [MemberData(nameof(Templates))]
    public void TemplateJson_ShouldNameItsShortNameAndIdentity(string template)
    {
        var config = ReadTemplateJson(template);

        ((string?)config["shortName"]).ShouldBe(template);
        ((string?)config["identity"]).ShouldStartWith("CrmKit.Templates.");
        ((string?)config["sourceName"]).ShouldNotBeNullOrWhiteSpace();
        config["classifications"].ShouldBeOfType<JsonArray>().ShouldContain(c => (string?)c == "CrmKit");
    }

    [Theory]
    [InlineData("crmkit-plugin")]
    [InlineData("crmkit-host")]
    public void CrmKitVersionDefault_ShouldBeTheRepositoryVersion(string template)
    {
        var repositoryVersion = XDocument.Load(Path.Combine(TestEnvironment.RepositoryRoot, "Directory.Build.props"))
            .Descendants("VersionPrefix").Single().Value;

        var parameter = ReadTemplateJson(template)["symbols"]!["CrmKitVersion"]!;

        ((string?)parameter["defaultValue"]).ShouldBe(repositoryVersion,
            "generated projects must reference the packages this repository packs; update the template's default");
    }

    [Fact]
    public void EditionJson_ShouldBeValidJsonWithEveryList()
    {
        var edition = JsonNode.Parse(File.ReadAllText(Path.Combine(TestEnvironment.TemplatesContent, "crmkit-edition", "edition.json")))!;

        edition.AsObject().Select(p => p.Key).ShouldBe(
            ["id", "version", "title", "description", "crmkit", "plugins", "entities", "workflows", "templates", "seed", "settings", "localization", "migrations"]);
    }

    [Fact]
    public void EditionTemplate_ShouldBeAValidEdition_AsTheStrictReaderSeesIt()
    {
        var (id, version) = CrmKit.Editions.Packing.EditionPackager.Check(Path.Combine(TestEnvironment.TemplatesContent, "crmkit-edition"));

        (id, version).ShouldBe(("my.edition", "1.0.0"));
    }

    private static JsonObject ReadTemplateJson(string template) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestEnvironment.TemplatesContent, template, ".template.config", "template.json")))!
            .AsObject();
}
