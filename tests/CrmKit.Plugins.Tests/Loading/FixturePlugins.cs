namespace CrmKit.Plugins.Tests.Loading;

/// <summary>
/// The fixture plugins published by the build (tests/Fixtures/Plugins/*) under
/// <c>&lt;test output&gt;/fixture-plugins/&lt;name&gt;/</c>; the name is the plugin id, or <c>fixture.hot-v1</c> /
/// <c>fixture.hot-v2</c> for the two builds of <c>fixture.hot</c>.
/// </summary>
internal static class FixturePlugins
{
    public const string JsonOld = "fixture.json-old";
    public const string JsonNew = "fixture.json-new";
    public const string HotV1 = "fixture.hot-v1";
    public const string HotV2 = "fixture.hot-v2";
    public const string Base = "fixture.base";
    public const string Dependent = "fixture.dependent";
    public const string Throwing = "fixture.throwing";
    public const string Hanging = "fixture.hanging";
    public const string ConflictA = "fixture.conflict-a";
    public const string ConflictB = "fixture.conflict-b";
    public const string Replacer = "fixture.replacer";
    public const string SdkNext = "fixture.sdk-next";
    public const string Bench = "fixture.bench";

    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "fixture-plugins");

    /// <summary>The published folder of a fixture; fails clearly when the build did not produce it.</summary>
    public static string Folder(string name)
    {
        var folder = Path.Combine(Root, name);
        Directory.Exists(folder).ShouldBeTrue($"The fixture plugin folder '{folder}' is missing; build tests/CrmKit.Plugins.Tests to publish it.");
        return folder;
    }
}
