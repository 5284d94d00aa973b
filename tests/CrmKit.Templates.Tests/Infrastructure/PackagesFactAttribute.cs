namespace CrmKit.Templates.Tests.Infrastructure;

/// <summary>
/// A fact that needs the packed CrmKit packages: it is skipped, saying why, when <c>CRMKIT_PACKAGES</c> (the folder
/// <c>./test.sh</c> packs into) is not set.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PackagesFactAttribute : FactAttribute
{
    public PackagesFactAttribute()
    {
        if (string.IsNullOrEmpty(TestEnvironment.PackagesFolder))
        {
            Skip = $"skipped: {TestEnvironment.PackagesVariable} not set; run ./test.sh";
        }
    }
}
