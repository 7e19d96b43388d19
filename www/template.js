// The element's markup: every visible string comes from i18n.js through the data-t attributes
// (text), data-t-label (aria-label) and data-t-placeholder.

export const TEMPLATE = `
<div class="fm-root" part="root">
  <header class="top">
    <div class="titles">
      <h1 id="title" data-t="title"></h1>
      <p class="sub" id="coverage" data-t="subtitle"></p>
    </div>
    <div class="top-buttons">
      <button type="button" id="share-toggle" aria-haspopup="dialog" data-t="share"></button>
      <button type="button" id="table-toggle" aria-pressed="false" data-t="table"></button>
      <button type="button" id="present-toggle" aria-pressed="false" data-t="present"></button>
      <button type="button" id="lang-toggle" data-t="language" data-t-label="languageLabel"></button>
    </div>
  </header>
  <main class="layout">
    <section class="map-wrap">
      <div id="map" class="map" role="region">
        <div class="status" id="status" role="status" data-t="loading"></div>
        <div class="fm-tooltip" id="tooltip" role="tooltip" hidden></div>
      </div>
      <div class="notice" id="notice" role="status" hidden>
        <ul id="notice-list"></ul>
        <button type="button" id="notice-close" data-t="dismiss"></button>
      </div>
      <div class="map-controls">
        <button type="button" id="reset" data-t="resetView"></button>
        <button type="button" id="fit" data-t="fitShown" data-t-label="fitShownLabel"></button>
        <button type="button" id="zoom-in" data-t-label="zoomIn">+</button>
        <button type="button" id="zoom-out" data-t-label="zoomOut">−</button>
      </div>
      <div class="caption" id="caption" aria-live="polite" hidden></div>
      <div class="story" id="story" hidden>
        <p class="story-text" id="story-text"></p>
        <div class="story-nav" role="group" data-t-label="storyNav">
          <button type="button" id="story-prev" data-t-label="storyPrev">‹</button>
          <span class="story-count" id="story-count"></span>
          <button type="button" id="story-play"></button>
          <button type="button" id="story-next" data-t-label="storyNext">›</button>
          <button type="button" id="story-close" data-t-label="storyClose">×</button>
        </div>
      </div>
      <div class="sr-only" id="story-live" role="status" aria-live="polite"></div>
      <div class="legend">
        <span class="key sister"></span><span data-t="legendSister"></span>
        <span class="key friendly"></span><span data-t="legendFriendly"></span>
        <span id="legend-agreement" hidden><span class="key agreement"></span><span data-t="legendAgreement"></span></span>
        <span id="legend-intent" hidden><span class="key intent"></span><span data-t="legendIntent"></span></span>
        <span id="legend-unknown" hidden><span class="key unknown"></span><span data-t="legendUnknown"></span></span>
      </div>
      <div class="review" id="review" hidden></div>
      <div class="attribution" id="credit" data-t="basemapCredit"></div>
    </section>
    <aside class="panel">
      <section class="block">
        <label class="h" for="search" data-t="search"></label>
        <input id="search" type="search" autocomplete="off" data-t-placeholder="searchPlaceholder" aria-controls="search-results">
        <ul id="search-results" class="results" data-t-label="searchResults"></ul>
      </section>
      <section class="block">
        <div class="h" data-t="years"></div>
        <div class="seg" role="group" data-t-label="years">
          <button type="button" data-mode="all" aria-pressed="true" data-t="modeAll"></button>
          <button type="button" data-mode="range" aria-pressed="false" data-t="modeRange"></button>
          <button type="button" data-mode="asof" aria-pressed="false" data-t="modeAsOf"></button>
        </div>
        <div class="years">
          <div class="hist" id="hist" aria-hidden="true"></div>
          <input type="range" id="year-from" data-t-label="fromYear">
          <input type="range" id="year-to" data-t-label="toYear">
        </div>
        <div class="year-labels" id="year-label"></div>
        <label class="check"><input type="checkbox" id="unknown" checked> <span data-t="includeUnknown"></span> (<span id="unknown-count">0</span>)</label>
        <div class="play" role="group">
          <button type="button" id="step-back" data-t-label="prev">«</button>
          <button type="button" id="play"></button>
          <button type="button" id="step-fwd" data-t-label="next">»</button>
          <select id="speed" data-t-label="speed">
            <option value="0.5">0.5×</option><option value="1" selected>1×</option><option value="2">2×</option><option value="4">4×</option>
          </select>
          <label class="check"><input type="checkbox" id="loop"> <span data-t="loop"></span></label>
        </div>
      </section>
      <section class="block">
        <label class="h" for="projection" data-t="projection"></label>
        <select id="projection">
          <option value="naturalearth" data-t="projNaturalEarth"></option>
          <option value="globe" data-t="projGlobe"></option>
          <option value="equirectangular" data-t="projEquirectangular"></option>
        </select>
        <label class="h" for="region" data-t="region"></label>
        <select id="region"></select>
        <div class="h" data-t="kindLevel"></div>
        <div class="toggles">
          <label class="check"><input type="checkbox" id="kind-sister" checked> <span data-t="sister"></span></label>
          <label class="check"><input type="checkbox" id="kind-friendly" checked> <span data-t="friendly"></span></label>
          <label class="check"><input type="checkbox" id="level-city" checked> <span data-t="cityLevel"></span></label>
          <label class="check"><input type="checkbox" id="level-province" checked> <span data-t="provinceLevel"></span></label>
        </div>
        <div class="h" data-t="evidence"></div>
        <div class="toggles" id="evidence" role="group" data-t-label="evidence">
          <label class="check"><input type="checkbox" data-evidence="official" checked> <span data-t="evOfficial"></span></label>
          <label class="check"><input type="checkbox" data-evidence="partner-side" checked> <span data-t="evPartnerSide"></span></label>
          <label class="check"><input type="checkbox" data-evidence="news" checked> <span data-t="evNews"></span></label>
          <label class="check"><input type="checkbox" data-evidence="secondary" checked> <span data-t="evSecondary"></span></label>
        </div>
        <div class="h" data-t="stage"></div>
        <div class="toggles" id="stages" role="group" data-t-label="stage">
          <label class="check"><input type="checkbox" data-stage="established" checked> <span data-t="stEstablished"></span></label>
          <label class="check"><input type="checkbox" data-stage="agreement" checked> <span data-t="stAgreement"></span></label>
          <label class="check"><input type="checkbox" data-stage="intent" checked> <span data-t="stIntent"></span></label>
        </div>
      </section>
      <section class="block cities-block">
        <div class="h" data-t="cities"></div>
        <p class="hint" data-t="citiesHint"></p>
        <ul id="cities" class="cities"></ul>
        <button type="button" id="reset-filters" class="wide" data-t="clearFilters"></button>
      </section>
      <section class="block" aria-live="polite">
        <div class="h" data-t="stats"></div>
        <dl class="totals" id="totals"></dl>
        <p class="hint" id="unknown-apart" hidden></p>
        <p class="hint" id="stage-note" hidden></p>
        <div class="sub-h" data-t="byContinent"></div>
        <ul class="bars" id="by-continent"></ul>
        <div class="sub-h" data-t="topCountries"></div>
        <ul class="bars" id="by-country"></ul>
        <div class="sub-h" data-t="byGrouping"></div>
        <ul class="bars" id="by-grouping"></ul>
        <div id="coverage-block">
          <div class="sub-h" data-t="coverageByCity"></div>
          <p class="hint" data-t="coverageHint"></p>
          <ul class="bars coverage" id="by-city-coverage"></ul>
        </div>
      </section>
      <section class="block">
        <div class="h" data-t="export"></div>
        <div class="exports">
          <select id="png-size" data-t-label="pngSize">
            <option value="" data-t="pngCurrent"></option>
            <option value="1920x1080">1920×1080</option>
            <option value="3840x2160">3840×2160</option>
          </select>
          <button type="button" id="export-png" data-t="exportPng"></button>
          <button type="button" id="export-csv" data-t="exportCsv"></button>
          <button type="button" id="export-geojson" data-t="exportGeoJson"></button>
          <button type="button" id="export-svg" data-t="exportSvg"></button>
          <button type="button" id="export-video" data-t="exportVideo"></button>
          <button type="button" id="export-story-video" data-t="exportStoryVideo" hidden></button>
          <button type="button" id="export-handout" data-t="exportHandout" hidden></button>
        </div>
        <div class="video-progress" id="video-progress" hidden>
          <progress id="video-bar" max="1" value="0" data-t-label="videoProgress"></progress>
          <button type="button" id="video-cancel" data-t="cancel"></button>
          <div id="video-status" role="status" class="hint"></div>
        </div>
      </section>
      <section class="block">
        <div class="h" data-t="importData"></div>
        <p class="hint" data-t="importHint"></p>
        <label class="file"><span data-t="chooseFile"></span>
          <input type="file" id="import-file" accept=".csv,.json,text/csv,application/json"></label>
        <select id="import-preset" data-t-label="importLayout">
          <option value="standard" data-t="layoutStandard"></option>
          <option value="world-twin-cities" data-t="layoutWorld"></option>
        </select>
        <div class="toggles">
          <label class="check"><input type="radio" name="import-mode" value="replace" checked> <span data-t="replace"></span></label>
          <label class="check"><input type="radio" name="import-mode" value="add"> <span data-t="add"></span></label>
        </div>
        <progress id="import-progress" max="3" value="0" hidden data-t-label="importProgress"></progress>
        <div id="import-result" role="status" class="hint"></div>
        <ol id="import-errors" class="errors" data-t-label="errorsLabel"></ol>
        <button type="button" id="builtin-data" class="wide" hidden data-t="builtinData"></button>
      </section>
    </aside>
  </main>
  <section class="table-wrap" id="table-wrap">
    <table id="table">
      <caption id="table-caption"></caption>
      <thead><tr>
        <th scope="col" aria-sort="none"><button type="button" data-sort="city" data-t="colCity"></button></th>
        <th scope="col" aria-sort="none"><button type="button" data-sort="partner" data-t="colPartner"></button></th>
        <th scope="col" aria-sort="none"><button type="button" data-sort="country" data-t="colCountry"></button></th>
        <th scope="col" aria-sort="none"><button type="button" data-sort="kind" data-t="colKind"></button></th>
        <th scope="col" aria-sort="none"><button type="button" data-sort="stage" data-t="colStage"></button></th>
        <th scope="col" aria-sort="none"><button type="button" data-sort="level" data-t="colLevel"></button></th>
        <th scope="col" aria-sort="none"><button type="button" data-sort="established" data-t="colYear"></button></th>
        <th scope="col" aria-sort="none"><button type="button" data-sort="evidence" data-t="colEvidence"></button></th>
        <th scope="col" data-t="colSource"></th>
      </tr></thead>
      <tbody></tbody>
    </table>
  </section>
  <dialog id="share-dialog" class="share" aria-labelledby="share-title" aria-describedby="share-hint">
    <div class="share-head">
      <h2 id="share-title" data-t="shareTitle"></h2>
      <button type="button" id="share-close" data-t-label="close">×</button>
    </div>
    <p id="share-hint" class="hint" data-t="shareHint"></p>
    <p id="share-imported" class="hint warn" data-t="shareImported" hidden></p>
    <div class="snippet">
      <label for="share-link" id="share-link-label" data-t="shareLink"></label>
      <textarea id="share-link" readonly rows="2" spellcheck="false"></textarea>
      <button type="button" data-copy="share-link" aria-describedby="share-link-label" data-t="copy"></button>
      <span id="share-link-copied" class="copied" role="status"></span>
    </div>
    <div class="snippet">
      <label for="share-iframe" id="share-iframe-label" data-t="shareIframe"></label>
      <textarea id="share-iframe" readonly rows="3" spellcheck="false"></textarea>
      <button type="button" data-copy="share-iframe" aria-describedby="share-iframe-label" data-t="copy"></button>
      <span id="share-iframe-copied" class="copied" role="status"></span>
    </div>
    <div class="snippet">
      <label for="share-element" id="share-element-label" data-t="shareElement"></label>
      <textarea id="share-element" readonly rows="4" spellcheck="false"></textarea>
      <button type="button" data-copy="share-element" aria-describedby="share-element-label" data-t="copy"></button>
      <span id="share-element-copied" class="copied" role="status"></span>
    </div>
    <p id="share-story" class="hint warn" data-t="shareStory" hidden></p>
    <section class="story-edit" aria-labelledby="story-edit-title">
      <h3 id="story-edit-title" data-t="storyEditTitle"></h3>
      <p class="hint" data-t="storyEditHint"></p>
      <div class="story-fields">
        <label for="story-title" data-t="storyTitle"></label>
        <input id="story-title" type="text" autocomplete="off">
        <label for="story-caption-zh" data-t="storyCaptionZh"></label>
        <textarea id="story-caption-zh" rows="2" lang="zh-CN"></textarea>
        <label for="story-caption-en" data-t="storyCaptionEn"></label>
        <textarea id="story-caption-en" rows="2" lang="en"></textarea>
        <label for="story-duration" data-t="storyDuration"></label>
        <input id="story-duration" type="number" step="1" value="8" inputmode="numeric">
      </div>
      <button type="button" id="story-add" data-t="storyAdd"></button>
      <h4 id="story-steps-title" data-t="storySteps"></h4>
      <p id="story-empty" class="hint" data-t="storyNone"></p>
      <ol id="story-steps" class="story-steps" aria-labelledby="story-steps-title"></ol>
      <ul id="story-problems" class="errors" data-t-label="storyProblems"></ul>
      <div class="story-actions">
        <button type="button" id="story-preview" data-t="storyPreview"></button>
        <button type="button" id="story-download" data-t="storyDownload"></button>
        <button type="button" id="story-example" data-t="storyExample"></button>
        <button type="button" id="story-edit-shown" data-t="storyEditShown" hidden></button>
      </div>
      <p id="story-status" class="hint" role="status"></p>
    </section>
  </dialog>
</div>`;
