using System.Runtime.CompilerServices;

namespace CrmKit.Distribution.Tests.Infrastructure;

/// <summary>
/// NuGet.Protocol retries failed HTTP requests (by default several times, a second apart). The tests of unreachable
/// and failing feeds only need the failure, so the retries are cut down through NuGet's documented environment variables.
/// </summary>
internal static class NuGetRetries
{
    [ModuleInitializer]
    internal static void Shorten()
    {
        Environment.SetEnvironmentVariable("NUGET_ENHANCED_MAX_NETWORK_TRY_COUNT", "2");
        Environment.SetEnvironmentVariable("NUGET_ENHANCED_NETWORK_RETRY_DELAY_MILLISECONDS", "10");
    }
}
