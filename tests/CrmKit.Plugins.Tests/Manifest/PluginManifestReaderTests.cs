using CrmKit.Plugins.Manifest;
using NuGet.Versioning;

namespace CrmKit.Plugins.Tests.Manifest;

public sealed class PluginManifestReaderTests
{
    private const string Valid = """
        {
          "$schema": "https://crmkit.dev/schemas/crmkit-plugin.json",
          "id": "acme.loyalty",
          "version": "1.4.0-beta.2+build.7",
          "displayName": "Loyalty levels",
          "description": "Adds loyalty levels to contacts.",
          "sdk": "[1.0,2.0)",
          "dependencies": { "acme.base": "[1.2,2.0)", "ru.egrul-lookup": "1.0" },
          "provides": [ "field-type:acme.loyalty-level", "workflow-action:acme.loyalty.promote" ],
          "replaces": [ "field-type:acme.loyalty-level" ],
          "decorates": [ "workflow-action:acme.loyalty.promote" ],
          "assembly": "Acme.Loyalty.dll"
        }
        """;

    [Fact]
    public void ReadFromFolder_ShouldReadEveryMember_WhenManifestIsValid()
    {
        using var folder = new TempPluginFolder().WithManifest(Valid);

        var manifest = PluginManifestReader.ReadFromFolder(folder.Path);

        manifest.Id.ShouldBe("acme.loyalty");
        manifest.Version.ShouldBe(NuGetVersion.Parse("1.4.0-beta.2+build.7"));
        manifest.DisplayName.ShouldBe("Loyalty levels");
        manifest.Description.ShouldBe("Adds loyalty levels to contacts.");
        manifest.SdkRange.ShouldBe(VersionRange.Parse("[1.0,2.0)"));
        manifest.Dependencies.Select(d => (d.Id, d.VersionRange.ToNormalizedString()))
            .ShouldBe([("acme.base", "[1.2.0, 2.0.0)"), ("ru.egrul-lookup", "[1.0.0, )")]);
        manifest.Provides.ShouldBe(["field-type:acme.loyalty-level", "workflow-action:acme.loyalty.promote"]);
        manifest.Replaces.ShouldBe(["field-type:acme.loyalty-level"]);
        manifest.Decorates.ShouldBe(["workflow-action:acme.loyalty.promote"]);
        manifest.EntryAssembly.ShouldBe("Acme.Loyalty.dll");
    }

    [Fact]
    public void ReadFromFolder_ShouldApplyDefaults_WhenOnlyRequiredMembersArePresent()
    {
        using var folder = new TempPluginFolder().WithManifest("""{ "id": "solo", "version": "0.1.0", "sdk": "1.0" }""");

        var manifest = PluginManifestReader.ReadFromFolder(folder.Path);

        manifest.DisplayName.ShouldBe("solo");
        manifest.Description.ShouldBeEmpty();
        manifest.Dependencies.ShouldBeEmpty();
        manifest.Provides.ShouldBeEmpty();
        manifest.Replaces.ShouldBeEmpty();
        manifest.Decorates.ShouldBeEmpty();
        manifest.EntryAssembly.ShouldBeNull();
    }

    [Fact]
    public void ReadFromFolder_ShouldThrowManifestMissing_WhenFileDoesNotExist()
    {
        using var folder = new TempPluginFolder();

        var ex = Should.Throw<PluginManifestException>(() => PluginManifestReader.ReadFromFolder(folder.Path));

        ex.Code.ShouldBe(PluginErrorCodes.ManifestMissing);
        ex.FilePath.ShouldBe(folder.ManifestPath);
        ex.JsonPath.ShouldBe("$");
    }

    [Fact]
    public void ReadFromFolder_ShouldThrowManifestMissing_WhenFolderDoesNotExist()
    {
        using var folder = new TempPluginFolder();
        var absent = Path.Combine(folder.Path, "absent");

        var ex = Should.Throw<PluginManifestException>(() => PluginManifestReader.ReadFromFolder(absent));

        ex.Code.ShouldBe(PluginErrorCodes.ManifestMissing);
        ex.FilePath.ShouldBe(Path.Combine(absent, PluginManifestReader.FileName));
    }

    [Fact]
    public void ReadFile_ShouldThrowManifestInvalid_WithLine_WhenJsonIsMalformed()
    {
        using var folder = new TempPluginFolder().WithManifest("{\n  \"id\": \"acme.x\",\n  \"version\": \n}");

        var ex = Should.Throw<PluginManifestException>(() => PluginManifestReader.ReadFile(folder.ManifestPath));

        ex.Code.ShouldBe(PluginErrorCodes.ManifestInvalid);
        ex.JsonPath.ShouldBe("$");
        ex.FilePath.ShouldBe(folder.ManifestPath);
        ex.Message.ShouldContain("line 4");
        ex.InnerException.ShouldBeAssignableTo<System.Text.Json.JsonException>();
    }

    public static TheoryData<string, string, string, string> InvalidManifests => new()
    {
        { "[]", PluginErrorCodes.ManifestInvalid, "$", "" },
        { """{ "version": "1.0.0", "sdk": "1.0" }""", PluginErrorCodes.ManifestRequired, "$.id", "/id" },
        { """{ "id": "acme.x", "sdk": "1.0" }""", PluginErrorCodes.ManifestRequired, "$.version", "/version" },
        { """{ "id": "acme.x", "version": "1.0.0" }""", PluginErrorCodes.ManifestRequired, "$.sdk", "/sdk" },
        { """{ "id": "Acme.X", "version": "1.0.0", "sdk": "1.0" }""", PluginErrorCodes.ManifestInvalidId, "$.id", "/id" },
        { """{ "id": "acme..x", "version": "1.0.0", "sdk": "1.0" }""", PluginErrorCodes.ManifestInvalidId, "$.id", "/id" },
        { """{ "id": 42, "version": "1.0.0", "sdk": "1.0" }""", PluginErrorCodes.ManifestInvalid, "$.id", "/id" },
        { """{ "id": "acme.x", "version": "1.0", "sdk": "1.0" }""", PluginErrorCodes.ManifestInvalidVersion, "$.version", "/version" },
        { """{ "id": "acme.x", "version": "v1.0.0", "sdk": "1.0" }""", PluginErrorCodes.ManifestInvalidVersion, "$.version", "/version" },
        { """{ "id": "acme.x", "version": "1.0.0", "sdk": "[2.0,1.0" }""", PluginErrorCodes.ManifestInvalidRange, "$.sdk", "/sdk" },
        { """{ "id": "acme.x", "version": "1.0.0", "sdk": "1.*" }""", PluginErrorCodes.ManifestInvalidRange, "$.sdk", "/sdk" },
        { """{ "id": "acme.x", "version": "1.0.0", "sdk": "1.0", "dependencies": { "acme.base": "nope" } }""", PluginErrorCodes.ManifestInvalidRange, "$.dependencies['acme.base']", "/dependencies/acme.base" },
        { """{ "id": "acme.x", "version": "1.0.0", "sdk": "1.0", "dependencies": { "Acme Base": "1.0" } }""", PluginErrorCodes.ManifestInvalidId, "$.dependencies['Acme Base']", "/dependencies/Acme Base" },
        { """{ "id": "acme.x", "version": "1.0.0", "sdk": "1.0", "dependencies": { "acme.x": "1.0" } }""", PluginErrorCodes.ManifestInvalid, "$.dependencies['acme.x']", "/dependencies/acme.x" },
        { """{ "id": "acme.x", "version": "1.0.0", "sdk": "1.0", "dependencies": [ "acme.base" ] }""", PluginErrorCodes.ManifestInvalid, "$.dependencies", "/dependencies" },
        { """{ "id": "acme.x", "version": "1.0.0", "sdk": "1.0", "provides": [ "entity:a", "invoice" ] }""", PluginErrorCodes.ManifestInvalidName, "$.provides[1]", "/provides/1" },
        { """{ "id": "acme.x", "version": "1.0.0", "sdk": "1.0", "provides": [ "entity:a", "entity:a" ] }""", PluginErrorCodes.ManifestInvalidName, "$.provides[1]", "/provides/1" },
        { """{ "id": "acme.x", "version": "1.0.0", "sdk": "1.0", "provides": [ "entity:a", 7 ] }""", PluginErrorCodes.ManifestInvalid, "$.provides[1]", "/provides/1" },
        { """{ "id": "acme.x", "version": "1.0.0", "sdk": "1.0", "provides": [ "entity:a" ], "replaces": [ "entity:b" ] }""", PluginErrorCodes.ManifestInvalidName, "$.replaces[0]", "/replaces/0" },
        { """{ "id": "acme.x", "version": "1.0.0", "sdk": "1.0", "provides": [ "entity:a" ], "decorates": [ "entity:b" ] }""", PluginErrorCodes.ManifestInvalidName, "$.decorates[0]", "/decorates/0" },
        { """{ "id": "acme.x", "version": "1.0.0", "sdk": "1.0", "decorates": [ "nope" ] }""", PluginErrorCodes.ManifestInvalidName, "$.decorates[0]", "/decorates/0" },
        { """{ "id": "acme.x", "version": "1.0.0", "sdk": "1.0", "assembly": "lib/Acme.dll" }""", PluginErrorCodes.ManifestInvalidAssembly, "$.assembly", "/assembly" },
        { """{ "id": "acme.x", "version": "1.0.0", "sdk": "1.0", "assembly": "..\\Acme.dll" }""", PluginErrorCodes.ManifestInvalidAssembly, "$.assembly", "/assembly" },
        { """{ "id": "acme.x", "version": "1.0.0", "sdk": "1.0", "assembly": "Acme.exe" }""", PluginErrorCodes.ManifestInvalidAssembly, "$.assembly", "/assembly" },
        { """{ "id": "acme.x", "version": "1.0.0", "sdk": "1.0", "assembly": 3 }""", PluginErrorCodes.ManifestInvalid, "$.assembly", "/assembly" },
        { """{ "id": "acme.x", "version": "1.0.0", "sdk": "1.0", "displayName": null }""", PluginErrorCodes.ManifestInvalid, "$.displayName", "/displayName" },
        { """{ "id": "acme.x", "version": "1.0.0", "sdk": "1.0", "id": "acme.y" }""", PluginErrorCodes.ManifestInvalid, "$.id", "/id" },
        { """{ "id": "acme.x", "version": "1.0.0", "sdk": "1.0", "entryPoint": "Acme.dll" }""", PluginErrorCodes.ManifestUnknownMember, "$.entryPoint", "/entryPoint" },
        { """{ "id": "acme.x", "version": "1.0.0", "sdk": "1.0", "Version": "1.0.0" }""", PluginErrorCodes.ManifestUnknownMember, "$.Version", "/Version" },
    };

    [Theory]
    [MemberData(nameof(InvalidManifests))]
    public void ReadFromFolder_ShouldThrowWithCodeAndJsonPath_WhenManifestIsInvalid(string json, string code, string jsonPath, string pointer)
    {
        using var folder = new TempPluginFolder().WithManifest(json);

        var ex = Should.Throw<PluginManifestException>(() => PluginManifestReader.ReadFromFolder(folder.Path));

        ex.Code.ShouldBe(code);
        ex.JsonPath.ShouldBe(jsonPath);
        ex.FilePath.ShouldBe(folder.ManifestPath);
        ex.Errors.ShouldHaveSingleItem().Pointer.ShouldBe(pointer);
        ex.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Parse_ShouldNameTheOffendingValue_InTheMessage()
    {
        var ex = Should.Throw<PluginManifestException>(() =>
            PluginManifestReader.Parse("""{ "id": "acme.x", "version": "1.0.0", "sdk": "1.0", "dependencies": { "acme.base": "[3.0" } }""", "inline.json"));

        ex.FilePath.ShouldBe("inline.json");
        ex.Message.ShouldBe("'[3.0' at $.dependencies['acme.base'] is not a version range such as '[1.0,2.0)' or '1.2' (floating ranges are not allowed).");
    }
}
