using System.Text.Json.Nodes;

namespace CrmKit.Plugins.Requisites.Tests;

/// <summary>The INN/OGRN/OGRNIP/KPP/bank-account vectors of <c>Data/ru-ids-test-vectors.json</c>.</summary>
internal static class TestVectors
{
    private static readonly Lazy<JsonObject> Document = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "ru-ids-test-vectors.json")))!.AsObject());

    /// <summary>The values of a list whose entries are strings or objects with a <c>value</c>.</summary>
    public static IReadOnlyList<string> Values(string list) =>
        Document.Value[list]!.AsArray().Select(e => e is JsonObject o ? o["value"]!.GetValue<string>() : e!.GetValue<string>()).ToList();

    /// <summary>The bank-account entries: BIK, account and kind (<c>corr</c> or <c>settlement</c>).</summary>
    public static IReadOnlyList<(string Bik, string Account, string Kind)> Accounts(string list) =>
        Document.Value[list]!.AsArray().Select(e => (e!["bik"]!.GetValue<string>(), e["account"]!.GetValue<string>(), e["kind"]!.GetValue<string>())).ToList();

    /// <summary>The names of every list in the file.</summary>
    public static IEnumerable<string> Lists => Document.Value.Select(p => p.Key).Where(k => !k.StartsWith('_'));
}
