using System.Net;
using System.Net.Sockets;
using SupervisionCore.Host.Errors;

namespace SupervisionCore.Host.Features.Webhooks;

/// <summary>
/// SSRF guard of webhook targets: only absolute http(s) URLs without credentials, whose host resolves only to public
/// addresses unless <see cref="WebhookOptions.AllowPrivateTargets"/>. Checked at subscription and again at every
/// connection (<see cref="ConnectAsync"/>), so a name that later resolves elsewhere (DNS rebinding) is refused too.
/// </summary>
public static class WebhookTargets
{
    /// <summary>Why the URL's form is refused, or null.</summary>
    public static string? FormProblem(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return "'url' is required";
        if (url.Length > 2000) return "'url' has at most 2000 characters";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return "'url' must be an absolute URL";
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) return "'url' must use http or https";
        if (!string.IsNullOrEmpty(uri.UserInfo)) return "'url' must not carry credentials";
        if (!string.IsNullOrEmpty(uri.Fragment)) return "'url' must not have a fragment";
        if (string.IsNullOrEmpty(uri.IdnHost)) return "'url' must name a host";
        return null;
    }

    /// <summary>Why the URL's host is refused (resolution failed, or a non-public address while those are not allowed), or null.</summary>
    public static async Task<string?> AddressProblemAsync(Uri uri, bool allowPrivate, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(uri);
        IPAddress[] addresses;
        try { addresses = await ResolveAsync(uri.IdnHost, ct); }
        catch (SocketException) { return ValidationLanguage.Text($"'url'：无法解析主机 '{uri.IdnHost}'", $"'url': host '{uri.IdnHost}' cannot be resolved"); }
        if (addresses.Length == 0) return ValidationLanguage.Text($"'url'：无法解析主机 '{uri.IdnHost}'", $"'url': host '{uri.IdnHost}' cannot be resolved");
        if (!allowPrivate && addresses.FirstOrDefault(a => !IsPublic(a)) is { } blocked)
            return ValidationLanguage.Text($"'url'：{uri.IdnHost} 解析为 {blocked}，属于回环、私有、链路本地或组播地址（不能作为 webhook 目标）",
                $"'url': {uri.IdnHost} resolves to {blocked}, a loopback, private, link-local or multicast address (not allowed as a webhook target)");
        return null;
    }

    /// <summary>Connects to a public address of the host (or any, when private targets are allowed); refuses otherwise.</summary>
    public static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, bool allowPrivate, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var addresses = await ResolveAsync(endpoint.Host, ct);
        var allowed = addresses.Where(a => allowPrivate || IsPublic(a)).ToArray();
        if (allowed.Length == 0) throw new HttpRequestException($"webhook target {endpoint.Host} resolves to no allowed address");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);

    /// <summary>True for a globally routable unicast address.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return false;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224                 // this network, private, loopback, multicast, reserved
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)                                 // CGNAT 100.64/10
                || (b[0] == 169 && b[1] == 254)                                               // link-local (cloud metadata)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)                               // IETF protocol assignments, TEST-NET-1
                || (b[0] == 198 && b[1] is 18 or 19)                                          // benchmarking
                || (b[0] == 198 && b[1] == 51 && b[2] == 100) || (b[0] == 203 && b[1] == 0 && b[2] == 113));
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || address.IsIPv6UniqueLocal || address.IsIPv6Teredo) return false;
            var b = address.GetAddressBytes();
            if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return false; // documentation 2001:db8::/32
            if (b[0] == 0x00 && b.Take(10).All(x => x == 0) && b[10] == 0 && b[11] == 0) return false; // IPv4-compatible ::a.b.c.d
            if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b) return false; // NAT64 64:ff9b::/96 may reach private v4
            return true;
        }
        return false;
    }
}
