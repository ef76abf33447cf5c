/**
 * The portal's one stylesheet (GOV.UK Design System as the model: 19px body, black-on-yellow focus, red
 * error bar). Kept as a TypeScript string so `nest build` ships it with the app; served at /assets/portal.css.
 */
export const PORTAL_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{font-size:100%;-webkit-text-size-adjust:100%}
body{margin:0;font-family:"Helvetica Neue",Arial,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;
 font-size:1.1875rem;line-height:1.5;color:#0b0c0c;background:#fff}
.width{max-width:960px;margin:0 auto;padding:0 15px}
a{color:#1d70b8;text-decoration:underline;text-underline-offset:.1em}
a:visited{color:#4c2c92}
a:hover{color:#003078;text-decoration-thickness:3px}
a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus,[tabindex="-1"]:focus-visible{
 outline:3px solid #fd0;outline-offset:0;background-color:#fd0;color:#0b0c0c;box-shadow:0 4px #0b0c0c;text-decoration:none}
input:focus,select:focus,textarea:focus{background-color:#fff;box-shadow:inset 0 0 0 2px #0b0c0c}
main:focus{outline:none;background:none;box-shadow:none}
.skip-link{position:absolute;left:-9999px;padding:10px 15px}
.skip-link:focus{position:static;display:block}
.header{background:#0b0c0c;color:#fff;border-bottom:10px solid #1d70b8;padding-top:10px}
.header a,.header a:visited,.header .link-button{color:#fff}
.header a:focus,.header .link-button:focus{color:#0b0c0c}
.header .width{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:10px}
.brand{font-weight:700;font-size:1.5rem;text-decoration:none}
.tagline{display:block;font-weight:400;font-size:1rem}
.account{display:flex;flex-wrap:wrap;gap:15px;align-items:center;font-size:1rem}
.nav{list-style:none;margin:10px 0 0;padding:0;display:flex;flex-wrap:wrap;gap:5px 20px}
.nav a{font-weight:700;display:inline-block;padding:5px 0}
.nav a[aria-current=page]{border-bottom:4px solid #fff}
main{display:block;padding:30px 15px 60px}
h1{font-size:2.25rem;line-height:1.1;margin:0 0 30px}
h2{font-size:1.5rem;margin:40px 0 15px}
h3{font-size:1.1875rem;margin:25px 0 10px}
.lead{font-size:1.5rem}
.footer{border-top:1px solid #b1b4b6;background:#f3f2f1;padding:25px 0;font-size:1rem}
.field{margin-bottom:30px}
.field-error{border-left:5px solid #d4351c;padding-left:15px}
.label{display:block;font-weight:700;margin-bottom:5px}
.hint{color:#505a5f;margin-bottom:10px}
.error-message{color:#d4351c;font-weight:700;margin:0 0 10px}
.input,.select,.textarea{font:inherit;width:100%;max-width:40em;padding:5px;border:2px solid #0b0c0c;border-radius:0;background:#fff}
.field-error .input,.field-error .select,.field-error .textarea{border-color:#d4351c}
.input{height:2.5em}.select{height:2.5em;min-width:12em}
.checkbox{display:flex;gap:10px;align-items:center}
.checkbox input{width:1.5em;height:1.5em}
.button{font:inherit;font-weight:400;padding:8px 14px;border:2px solid transparent;border-radius:0;cursor:pointer;
 box-shadow:0 2px 0 #002d18;margin:0 10px 20px 0}
.button-primary{background:#00703c;color:#fff}
.button-secondary{background:#f3f2f1;color:#0b0c0c;box-shadow:0 2px 0 #929191}
.button-warning{background:#d4351c;color:#fff;box-shadow:0 2px 0 #55150b}
.button:hover{filter:brightness(.9)}
.button-start{display:inline-block;font-weight:700;font-size:1.5rem;background:#00703c;color:#fff;padding:8px 20px;text-decoration:none}
.button-start:visited{color:#fff}
.link-button{font:inherit;background:none;border:0;padding:0;text-decoration:underline;cursor:pointer;color:#1d70b8}
form.inline{display:inline}
.error-summary{border:5px solid #d4351c;padding:20px;margin-bottom:30px}
.error-summary h2{margin-top:0}
.error-summary a{color:#d4351c;font-weight:700}
.notice{border:5px solid #00703c;padding:15px 20px;margin-bottom:30px;font-weight:700}
.panel{background:#00703c;color:#fff;padding:25px;text-align:center;margin-bottom:30px}
.panel .big{font-size:2.25rem;font-weight:700;display:block;word-break:break-all}
table{border-collapse:collapse;width:100%;margin-bottom:30px}
th,td{text-align:left;padding:10px 20px 10px 0;border-bottom:1px solid #b1b4b6;vertical-align:top}
.summary-list th{width:35%}
.table-wrap{overflow-x:auto}
.tag{display:inline-block;padding:2px 8px;font-weight:700;font-size:1rem;background:#d2e2f1;color:#0b0c0c}
.days-overdue{background:#d4351c;color:#fff}
.days-2{background:#f47738;color:#0b0c0c}
.days-5{background:#fd0;color:#0b0c0c}
.days-ok{background:#cce2d8;color:#005a30}
.timeline{list-style:none;padding:0;border-left:5px solid #1d70b8;margin-left:5px}
.timeline li{padding:0 0 15px 20px}
.timeline .when{color:#505a5f;font-size:1rem}
details{margin-bottom:20px}
summary{color:#1d70b8;cursor:pointer;text-decoration:underline}
.actions{border-top:5px solid #1d70b8;margin-top:40px}
.action{border:1px solid #b1b4b6;padding:15px 20px;margin-bottom:20px}
.filters{display:flex;flex-wrap:wrap;gap:0 20px;align-items:flex-end;background:#f3f2f1;padding:15px;margin-bottom:30px}
.filters .field{margin-bottom:10px}
.filters .input{min-width:16em}
.who{font-weight:700}
.pre{white-space:pre-wrap}
.visually-hidden{position:absolute!important;width:1px;height:1px;margin:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.chart{margin:0 0 30px;max-width:700px}
.key{margin-right:20px}
.swatch{display:inline-block;width:14px;height:14px;margin-right:5px;vertical-align:middle}
.swatch-1d70b8{background:#1d70b8}.swatch-00703c{background:#00703c}.swatch-d4351c{background:#d4351c}
.fieldset{border:0;padding:0;margin:0 0 20px}
.fieldset legend{font-weight:700;font-size:1.1875rem;margin-bottom:10px}
.fieldset .input{max-width:10em}
.figures{display:flex;flex-wrap:wrap;gap:20px;list-style:none;padding:0}
.figures li{border-top:5px solid #1d70b8;padding:10px 20px 10px 0;min-width:10em}
.figures strong{display:block;font-size:2.25rem}
@media (max-width:640px){body{font-size:1rem}h1{font-size:1.75rem}.summary-list th{width:auto}}
`;
