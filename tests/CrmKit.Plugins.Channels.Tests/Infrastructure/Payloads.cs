using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace CrmKit.Plugins.Channels.Tests.Infrastructure;

/// <summary>The saved payloads (Data/PROVENANCE.md) and variants derived from them.</summary>
internal static class Payloads
{
    public static JsonObject Load(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", name)))!.AsObject();

    /// <summary>Posts a body to an instance's webhook, with the extra headers given.</summary>
    public static async Task<HttpResponseMessage> PostWebhookAsync(
        this HttpClient client, string instance, string body, string contentType = "application/json", string query = "",
        params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/channels/{instance}/webhook{query}")
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await client.SendAsync(request);
    }
}
