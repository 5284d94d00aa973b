using System.Net.Http.Headers;
using System.Text;

namespace CrmKit.Plugins.OneC.Tests.Infrastructure;

/// <summary>
/// Talks to the exchange endpoint as 1C does: HTTP Basic on checkauth, then the cookie from the answer's body sent
/// back in a Cookie header; GET for checkauth/init/query/success/import, POST with the file's bytes for mode=file.
/// </summary>
internal sealed class OneCClient(HttpClient http, string login = OneCServer.Login, string password = OneCServer.Password, ErrorLog? errors = null)
{
    public const string Path = "/api/ext/onec-exchange";

    public string? Cookie { get; set; }

    public async Task<string[]> CheckAuthAsync(string type = "sale")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Path}?type={type}&mode=checkauth");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(login + ":" + password)));
        var lines = Lines(await SendAsync(request));
        if (lines[0] == "success")
        {
            Cookie = lines[1] + "=" + lines[2];
        }

        return lines;
    }

    public async Task<string[]> GetLinesAsync(string query) => Lines(await GetAsync(query));

    public async Task<byte[]> GetBytesAsync(string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Path}?{query}");
        AddCookie(request);
        var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }

    public async Task<string[]> PostFileAsync(string type, string fileName, byte[] bytes)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Path}?type={type}&mode=file&filename={Uri.EscapeDataString(fileName)}")
        {
            Content = new ByteArrayContent(bytes),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        AddCookie(request);
        return Lines(await SendAsync(request));
    }

    private async Task<string> GetAsync(string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Path}?{query}");
        AddCookie(request);
        return await SendAsync(request);
    }

    private async Task<string> SendAsync(HttpRequestMessage request)
    {
        var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(200, body + string.Join(Environment.NewLine, errors?.Lines ?? []));
        return body;
    }

    private void AddCookie(HttpRequestMessage request)
    {
        if (Cookie is not null)
        {
            request.Headers.Add("Cookie", Cookie);
        }
    }

    private static string[] Lines(string body) => body.Split('\n', StringSplitOptions.TrimEntries);
}
