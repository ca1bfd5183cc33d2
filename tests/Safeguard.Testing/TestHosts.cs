namespace Safeguard.Testing;

/// <summary>Settings every in-process web host of the tests shares.</summary>
public static class TestHosts
{
    /// <summary>
    /// A test run starts dozens of web hosts, several at once. Each would watch its configuration files and its
    /// static files through an inotify instance, and Linux allows a user 128 of them (fs.inotify.max_user_instances):
    /// a run on a busy machine met that limit. The test hosts poll for file changes instead (nothing changes them
    /// during a test) and never reload their configuration. Call before the first host starts: the settings are read
    /// from the environment when a host is built.
    /// </summary>
    public static void WatchNoFiles()
    {
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }
}
