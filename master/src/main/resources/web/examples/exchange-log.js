/**
 * The request/answer log of the examples page. It records what really travels: the client
 * library is given a WebSocket class and a fetch function that report each frame sent and
 * received to the entry of the step that opened the socket. PIN codes are masked before
 * anything reaches the page.
 */

const MASKED_KEYS = new Set(['s_pinCode', 's_proxyPassword']);
const MAX_EVENTS = 200;

/** A copy of a wire object with secrets replaced by "****". */
export function masked(value) {
  if (Array.isArray(value)) return value.map(masked);
  if (value === null || typeof value !== 'object') return value;
  const copy = {};
  for (const [key, inner] of Object.entries(value)) {
    copy[key] = MASKED_KEYS.has(key) && inner != null ? '****' : masked(inner);
  }
  return copy;
}

/** Pretty JSON of a frame, masked; a frame that is not JSON is shown by its size only. */
export function showFrame(text) {
  try {
    return JSON.stringify(masked(JSON.parse(text)), null, 2);
  } catch {
    return `(${String(text).length} characters, not JSON)`;
  }
}

/** One line of the log: a command, what was sent, what came back, OK or ERROR. */
export class LogEntry {
  #element;
  #started = performance.now();
  #frames = 0;

  constructor(element, command) {
    this.#element = element;
    this.command = command;
    element.dataset.command = command;
    element.dataset.status = 'PENDING';
    element.querySelector('.time').textContent = new Date().toLocaleTimeString();
    element.querySelector('.command').textContent = command;
    element.querySelector('.status').textContent = '…';
    element.querySelector('.request').textContent = '(not sent yet)';
    element.querySelector('.answer').textContent = '(waiting)';
  }

  get element() {
    return this.#element;
  }

  sent(text) {
    this.#element.querySelector('.request').textContent = showFrame(text);
  }

  /** The first frame is the answer; later ones (monitoring events) are counted. */
  received(text) {
    this.#frames += 1;
    if (this.#frames === 1) {
      this.#element.querySelector('.answer').textContent = showFrame(text);
    } else {
      this.#element.querySelector('.duration').textContent = `${this.#frames - 1} event(s)`;
    }
    return this.#frames;
  }

  request(text) {
    this.#element.querySelector('.request').textContent = text;
  }

  ok(note) {
    this.#finish('OK', note);
  }

  /** Marks the entry ERROR and shows the JS2 error fields (from the connector or the library). */
  fail(error) {
    const answer = error?.answer;
    if (this.#frames === 0) {
      this.#element.querySelector('.answer').textContent =
        answer?.s_status !== undefined && !error?.isWrapperError?.()
          ? JSON.stringify(masked(answer), null, 2)
          : '(no answer from the connector)';
    }
    if (this.#element.querySelector('.request').textContent === '(not sent yet)') {
      this.request('(not sent)');
    }
    this.#finish('ERROR');
    const panel = document.createElement('dl');
    panel.className = 'js2-error';
    const rows = [
      ['s_status', error?.status],
      ['i_apiErrorType', error?.apiErrorType],
      ['i_apiErrorCode', error?.apiErrorCode],
      ['s_apiErrorDescription', error?.apiErrorDescription],
      ['s_apiErrorContext', error?.apiErrorContext],
      ['s_apiErrorExtendedInformations', error?.apiErrorExtendedInformations],
    ];
    if (error?.apiErrorType == null) rows.push(['message', error?.message ?? String(error)]);
    for (const [name, value] of rows) {
      if (value == null || value === '') continue;
      const term = document.createElement('dt');
      term.textContent = name;
      const detail = document.createElement('dd');
      detail.textContent = String(value);
      panel.append(term, detail);
    }
    if (error?.apiErrorType != null) this.#element.dataset.errorType = String(error.apiErrorType);
    if (error?.apiErrorCode != null) this.#element.dataset.errorCode = String(error.apiErrorCode);
    this.#element.append(panel);
  }

  #finish(status, note) {
    this.#element.dataset.status = status;
    const label = this.#element.querySelector('.status');
    label.textContent = note ? `${status} — ${note}` : status;
    const duration = this.#element.querySelector('.duration');
    if (!duration.textContent) duration.textContent = `${Math.round(performance.now() - this.#started)} ms`;
  }
}

/**
 * The log and the event list. Steps run one at a time, so a socket opened while a step runs
 * belongs to that step's entry.
 */
export class ExchangeLog {
  #list;
  #events;
  #template;
  #current = null;
  #queue = Promise.resolve();

  constructor(list, events, template) {
    this.#list = list;
    this.#events = events;
    this.#template = template;
  }

  /** A new entry at the top of the log. */
  entry(command) {
    const element = this.#template.content.firstElementChild.cloneNode(true);
    this.#list.prepend(element);
    return new LogEntry(element, command);
  }

  /**
   * Runs `action(entry)` after the steps already queued, as the current step. The action
   * resolves with `{ note }` (a short text shown beside OK) and anything else it wants to hand
   * back. Resolves with `{ ok: true, result }` or, after showing the error, `{ ok: false, error }`.
   */
  step(command, action) {
    const run = async () => {
      const entry = this.entry(command);
      this.#current = entry;
      try {
        const result = await action(entry);
        entry.ok(result?.note);
        return { ok: true, result };
      } catch (error) {
        entry.fail(error);
        return { ok: false, error };
      } finally {
        this.#current = null;
      }
    };
    const next = this.#queue.then(run);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /** Runs `action()` after the steps already queued, without an entry of its own. */
  queued(action) {
    const next = this.#queue.then(action);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /** Adds a monitoring event (or a note about the monitor) to the top of the event list. */
  event(source, frame) {
    const item = document.createElement('li');
    item.dataset.monitor = source;
    const time = document.createElement('span');
    time.className = 'time';
    time.textContent = new Date().toLocaleTimeString();
    const text = document.createElement('code');
    text.textContent = typeof frame === 'string' ? frame : JSON.stringify(masked(frame));
    item.append(time, ` ${source} `, text);
    this.#events.prepend(item);
    while (this.#events.children.length > MAX_EVENTS) this.#events.lastElementChild.remove();
  }

  /** Empties the log and the event list. */
  clear() {
    this.#list.replaceChildren();
    this.#events.replaceChildren();
  }

  /** A WebSocket class for the client library that reports frames to the current step. */
  webSocketClass(BaseWebSocket) {
    const log = this;
    return class RecordingWebSocket extends BaseWebSocket {
      #entry;

      constructor(url, protocols) {
        super(url, protocols);
        this.#entry = log.#current;
        this.addEventListener('message', (event) => this.#entry?.received(event.data));
      }

      send(data) {
        this.#entry?.sent(data);
        super.send(data);
      }
    };
  }

  /** A fetch for the client library's /health check that shows up as its own entry. */
  fetchFunction(baseFetch) {
    return async (url, init) => {
      const entry = this.entry('health');
      entry.request(`GET ${url}`);
      try {
        const response = await baseFetch(url, init);
        entry.received(await response.clone().text().catch(() => '(unreadable body)'));
        if (response.ok) entry.ok(`HTTP ${response.status}`);
        else entry.fail({ message: `HTTP ${response.status}` });
        return response;
      } catch (error) {
        entry.fail({ message: `${error?.message ?? error} (blocked by the browser: CORS, certificate or Local Network Access)` });
        throw error;
      }
    };
  }
}
