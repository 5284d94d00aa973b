using System.Text.Json.Nodes;
using CrmKit.Core.Editions;
using CrmKit.Editions.Packing;
using NuGet.Packaging;

namespace CrmKit.Editions.Tests;

public sealed class EditionReaderTests
{
    [Fact]
    public void Pack_ShouldMakeACrmKitEditionPackage_WithEveryNamedFileUnderEdition()
    {
        using var edition = TestEditions.V1();
        edition.Write("notes/not-named.txt", "left out");
        using var output = new EditionFolder();

        var path = EditionPackager.Pack(edition.Root, output.Root);

        Path.GetFileName(path).ShouldBe("test.projects.1.0.0.nupkg");
        using var reader = new PackageArchiveReader(path);
        reader.GetIdentity().Id.ShouldBe("test.projects");
        reader.GetPackageTypes().ShouldHaveSingleItem().Name.ShouldBe("CrmKitEdition");
        reader.GetFiles().Where(f => f.StartsWith("edition/", StringComparison.Ordinal)).Order().ShouldBe([
            "edition/edition.json", "edition/entities/deal.schema.json", "edition/entities/project.schema.json",
            "edition/localization/ru.json", "edition/seed/projects.json", "edition/templates/project-card.ru.scriban",
            "edition/workflows/project-created.json",
        ]);
        var opened = EditionFeed.Open(path, "local", "sha");
        opened.Content.Version.ToNormalizedString().ShouldBe("1.0.0");
        opened.Content.Entities.Single(e => e.Name == "project").Document["x-crm-labels"]!["ru"]!.GetValue<string>().ShouldBe("Проект");
    }

    [Fact]
    public void Read_ShouldReportEveryProblemWithFileAndPath_WhenManifestIsWrong()
    {
        using var edition = TestEditions.V1(m =>
        {
            m["colour"] = "blue";
            m["version"] = "one";
            m["plugins"] = JsonNode.Parse("""{"ru.requisites": "not a range"}""");
            ((JsonArray)m["workflows"]!).Add("workflows/missing.json");
            ((JsonArray)m["entities"]!).Add("../outside.json");
        });

        var e = Should.Throw<EditionException>(() => EditionPackager.Check(edition.Root));

        e.Problems.Select(p => (p.Code, p.File, p.Path)).ShouldBe([
            (EditionErrorCodes.InvalidManifest, "edition.json", "/colour"),
            (EditionErrorCodes.InvalidManifest, "edition.json", "/version"),
            (EditionErrorCodes.InvalidManifest, "edition.json", "/plugins/ru.requisites"),
            (EditionErrorCodes.InvalidManifest, "edition.json", "/entities/2"),
            (EditionErrorCodes.MissingFile, "edition.json", "/workflows/1"),
        ], ignoreOrder: true);
    }

    [Theory]
    [InlineData("""{"x-crm-entity": "project", "properties": {"title": {"x-crm-type": "string", "maxLength": "long"}}}""", "/properties/title")]
    [InlineData("""{"x-crm-entity": "project", "properties": {"title": {"x-crm-type": "string", "allOf": [{"minLength": 1}]}}}""", "/properties/title")]
    [InlineData("""{"x-crm-entity": "project", "properties": {"title": {"maxLength": 10}}}""", "/properties/title/x-crm-type")]
    [InlineData("""{"properties": {"title": {"x-crm-type": "string"}}}""", "/x-crm-entity")]
    [InlineData("""{"x-crm-entity": "project", "properties": {"title": {"x-crm-type": "string"}""", "")]
    public void Read_ShouldRefuseTheSchemaFile_WhenItIsNotAValidEntitySchema(string document, string pointer)
    {
        using var edition = TestEditions.V1();
        edition.Write("entities/project.schema.json", document);

        var e = Should.Throw<EditionException>(() => EditionPackager.Pack(edition.Root, Path.Combine(edition.Root, "out")));

        var problem = e.Problems.ShouldHaveSingleItem();
        (problem.Code, problem.File, problem.Path).ShouldBe((EditionErrorCodes.InvalidSchema, "entities/project.schema.json", pointer));
        Directory.Exists(Path.Combine(edition.Root, "out")).ShouldBeFalse();
    }

    [Fact]
    public async Task Plan_ShouldRefuseTheSchemaFile_WhenTheMetadataCompilerRejectsIt()
    {
        await using var host = await EditionTestHost.StartAsync();
        using var edition = TestEditions.V1();
        var project = TestEditions.Project(v2: false);
        project["properties"]!["status"]!["x-crm-type"] = "enum";
        project["properties"]!["status"]!.AsObject().Remove("enum");
        project["properties"]!["title"]!["x-crm-type"] = "no_such_type";
        edition.Write("entities/project.schema.json", project);

        var plan = await host.PlanAsync(edition);

        plan.CanApply.ShouldBeFalse();
        var problem = plan.Problems.ShouldHaveSingleItem();
        (problem.Code, problem.File).ShouldBe((EditionErrorCodes.InvalidSchema, "entities/project.schema.json"));
        problem.Path.ShouldNotBeNullOrEmpty();
        await Should.ThrowAsync<EditionException>(() => host.ApplyAsync(edition));
        host.Metadata.GetEntities().ShouldNotContain(e => e.Name == "project");
    }

    [Fact]
    public void Open_ShouldRefuse_WhenPackageIsNotAnEdition()
    {
        using var folder = new EditionFolder();
        var path = Path.Combine(folder.Root, "some.plugin.1.0.0.nupkg");
        var builder = new PackageBuilder { Id = "some.plugin", Version = NuGet.Versioning.NuGetVersion.Parse("1.0.0"), Description = "x" };
        builder.Authors.Add("x");
        builder.PackageTypes.Add(new NuGet.Packaging.Core.PackageType("CrmKitPlugin", new Version(0, 0)));
        builder.Files.Add(new PhysicalPackageFile(new MemoryStream("{}"u8.ToArray())) { TargetPath = "crmkit-plugin.json" });
        using (var stream = File.Create(path))
        {
            builder.Save(stream);
        }

        var e = Should.Throw<EditionException>(() => EditionFeed.Open(path, "local", "sha"));

        e.Code.ShouldBe(EditionErrorCodes.NotAnEdition);
        File.WriteAllText(path, "not a zip");
        Should.Throw<EditionException>(() => EditionFeed.Open(path, "local", "sha")).Code.ShouldBe(EditionErrorCodes.NotAnEdition);
    }
}
