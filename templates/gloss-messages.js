{% from "_gloss.html" import gloss_messages %}/* The reading aid's messages in both languages (templates/_gloss.html, strings.toml): made by the
   build into static/gloss-messages.js, loaded by static/gloss-ui.js with the popup on first use. */
window.sitegenGlossMessages = {{ gloss_messages()|tojson }};
