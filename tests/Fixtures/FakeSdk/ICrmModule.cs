namespace CrmKit.Sdk.Extensibility;

/// <summary>The CrmKit.Sdk 99 module shape (a test stand-in).</summary>
public interface ICrmModule
{
    string Id { get; }

    void Configure(ICrmBuilder builder);
}
