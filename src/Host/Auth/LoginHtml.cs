using System.Net;
using Microsoft.AspNetCore.Antiforgery;

namespace SupervisionCore.Host.Auth;

/// <summary>The minimal login page of the embedded OIDC server (bilingual, no script, antiforgery-protected).</summary>
internal static class LoginHtml
{
    public static string Render(AntiforgeryTokenSet tokens, string returnUrl, string? error)
    {
        var message = error switch
        {
            "locked" => "<p role=\"alert\">账户已被暂时锁定，请稍后再试。 / The account is locked for a while; try again later.</p>",
            "invalid" => "<p role=\"alert\">用户名或密码错误。 / Wrong user name or password.</p>",
            _ => string.Empty,
        };
        return $$"""
            <!doctype html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>SupervisionCore 登录 / Sign in</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>body{font-family:sans-serif;max-width:22rem;margin:4rem auto}label,input,button{display:block;width:100%;margin:.4rem 0}input,button{padding:.5rem}</style>
            </head><body>
            <h1>质量督导系统登录<br><small>SupervisionCore sign in</small></h1>
            {{message}}
            <form method="post" action="/account/login">
              <input type="hidden" name="{{WebUtility.HtmlEncode(tokens.FormFieldName)}}" value="{{WebUtility.HtmlEncode(tokens.RequestToken)}}">
              <input type="hidden" name="returnUrl" value="{{WebUtility.HtmlEncode(returnUrl)}}">
              <label for="username">用户名 / User name</label><input id="username" name="username" autocomplete="username" required>
              <label for="password">密码 / Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
              <button type="submit">登录 / Sign in</button>
            </form></body></html>
            """;
    }
}
