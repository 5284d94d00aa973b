namespace CrmKit.Plugins.WebDav;

/// <summary>Where the WebDAV store keeps content (the plugin's settings; docs/integrations/files.md).</summary>
public sealed class WebDavStoreOptions
{
    /// <summary>The collection that holds the files, for example <c>https://dav.example.com/crm/</c> (ends with <c>/</c>).</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>The user for HTTP Basic authentication; null for none.</summary>
    public string? UserName { get; init; }

    /// <summary>The password for HTTP Basic authentication.</summary>
    public string? Password { get; init; }

    /// <summary>How long connecting may take before the store counts as unavailable (default 10 seconds).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the server may stay silent during a request before it counts as unavailable (default 5 minutes).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">The address is not an absolute http(s) collection address.</exception>
    public void Validate()
    {
        if (!BaseUrl.IsAbsoluteUri || BaseUrl.Scheme is not ("http" or "https") || !BaseUrl.AbsolutePath.EndsWith('/'))
        {
            throw new ArgumentException("BaseUrl must be an absolute http or https address ending with '/'.", nameof(BaseUrl));
        }
    }
}
