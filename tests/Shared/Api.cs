using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CrmKit.Testing.Server;

/// <summary>Small REST helpers over the admin client.</summary>
internal static class Api
{
    public static async Task<JsonObject> CreateAsync(this HttpClient client, string entity, JsonObject values)
    {
        var response = await client.PostAsJsonAsync($"/api/records/{entity}", values);
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        return JsonNode.Parse(body)!.AsObject();
    }

    public static async Task<JsonObject> GetRecordAsync(this HttpClient client, string entity, string id) =>
        JsonNode.Parse(await client.GetStringAsync($"/api/records/{entity}/{id}"))!.AsObject();

    public static async Task<List<JsonObject>> ListAsync(this HttpClient client, string entity, string? filter = null)
    {
        var items = new List<JsonObject>();
        string? after = null;
        do
        {
            var url = $"/api/records/{entity}?limit=1000" + (filter is null ? "" : "&filter=" + Uri.EscapeDataString(filter))
                + (after is null ? "" : "&after=" + Uri.EscapeDataString(after));
            var page = JsonNode.Parse(await client.GetStringAsync(url))!.AsObject();
            items.AddRange(page["items"]!.AsArray().Select(i => i!.AsObject()));
            after = (string?)page["next"];
        }
        while (after is not null);

        return items;
    }

    public static string Id(this JsonObject record) => (string)record["id"]!;

    public static decimal Number(this JsonNode? node) => node!.GetValue<decimal>();
}
