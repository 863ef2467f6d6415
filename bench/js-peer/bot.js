// The Bot Framework JS SDK peer the load bench compares the assistant with (docs/benchmark.md): botbuilder 4.23.3's
// CloudAdapter, MemoryStorage and a waterfall of prompts taking an 11-turn request, as a JS bot would be written from
// the SDK's samples. Development mode (no app id): it accepts unauthenticated loopback calls, as the assistant does
// under the bench. Serves POST /api/messages and GET /healthz on 127.0.0.1:$PORT.
'use strict';
const http = require('node:http');
const {
    CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, MemoryStorage, ActivityHandler, MessageFactory,
} = require('botbuilder');
const { DialogSet, WaterfallDialog, TextPrompt, ConfirmPrompt, DialogTurnStatus } = require('botbuilder-dialogs');

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
adapter.onTurnError = async (context, error) => {
    console.error(`turn error: ${error.message}`);
    await context.sendActivity('Sorry, something went wrong.');
};
const conversationState = new ConversationState(new MemoryStorage());
const dialogs = new DialogSet(conversationState.createProperty('dialogState'));

const validPhone = async (prompt) => prompt.recognized.succeeded && prompt.recognized.value.replace(/\D/g, '').length === 10;
const validEmail = async (prompt) => prompt.recognized.succeeded && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(prompt.recognized.value);
dialogs.add(new TextPrompt('text'));
dialogs.add(new TextPrompt('phone', validPhone));
dialogs.add(new TextPrompt('email', validEmail));
dialogs.add(new ConfirmPrompt('confirm'));

const questions = [
    ['name', 'text', 'What is your name?'],
    ['agency', 'text', 'What is the name of your agency?'],
    ['location', 'text', 'Which city and state is the agency in?'],
    ['phone', 'phone', 'What is the best phone number to reach you?', 'Please type 10 digits, like 555-234-0100.'],
    ['email', 'email', 'And your email address?', 'Please type it like name@agency.gov.'],
    ['incident', 'text', 'What kind of incident was it?'],
    ['date', 'text', 'When did it happen?'],
    ['killed', 'text', 'Roughly how many people were killed?'],
    ['urgency', 'text', 'How urgent is this? Today, this week, or planning ahead?'],
];
let references = 0;
dialogs.add(new WaterfallDialog('intake', [
    ...questions.map(([, prompt, question, retry], i) => async (step) => {
        if (i > 0) step.values[questions[i - 1][0]] = step.result;
        return step.prompt(prompt, { prompt: question, retryPrompt: retry ?? question });
    }),
    async (step) => {
        step.values[questions[questions.length - 1][0]] = step.result;
        const summary = questions.map(([key]) => `- ${key}: ${step.values[key]}`).join('\n');
        await step.context.sendActivity(`Here is your request:\n\n${summary}`);
        return step.prompt('confirm', { prompt: 'Shall I send it?' });
    },
    async (step) => {
        if (!step.result) {
            await step.context.sendActivity('Cancelled.');
            return step.endDialog();
        }
        references += 1;
        await step.context.sendActivity(`Your request has been received and stored. Your reference is MVAI-JS-${references}.`);
        return step.endDialog();
    },
]));

class PeerBot extends ActivityHandler {
    constructor() {
        super();
        this.onMembersAdded(async (context, next) => {
            for (const member of context.activity.membersAdded) {
                if (member.id !== context.activity.recipient.id) {
                    await context.sendActivity('Hello, I can take your request for MVAI assistance. Say "we need MVAI help" to start.');
                }
            }
            await next();
        });
        this.onMessage(async (context, next) => {
            const dc = await dialogs.createContext(context);
            const result = await dc.continueDialog();
            if (result.status === DialogTurnStatus.empty) {
                await dc.beginDialog('intake');
            }
            await next();
        });
    }

    async run(context) {
        await super.run(context);
        await conversationState.saveChanges(context, false);
    }
}
const bot = new PeerBot();

// Node's http objects shaped as the Request/Response the adapter reads (Restify/Express-like).
const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') {
        res.writeHead(200, { 'Content-Type': 'text/plain' }).end('Healthy');
        return;
    }
    if (req.method !== 'POST' || req.url !== '/api/messages') {
        res.writeHead(404).end();
        return;
    }
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
        let body;
        try {
            body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
            res.writeHead(400).end();
            return;
        }
        const shim = {
            socket: res.socket,
            statusCode: 200,
            headers: {},
            status(code) { this.statusCode = code; },
            header(name, value) { this.headers[name] = value; },
            send(payload) {
                const text = payload === undefined ? '' : typeof payload === 'string' ? payload : JSON.stringify(payload);
                res.writeHead(this.statusCode, { 'Content-Type': 'application/json', ...this.headers });
                res.end(text);
            },
            end() { if (!res.writableEnded) res.writeHead(this.statusCode, this.headers).end(); },
        };
        adapter.process({ body, headers: req.headers, method: req.method }, shim, (context) => bot.run(context))
            .catch((error) => { console.error(error.message); if (!res.writableEnded) res.writeHead(500).end(); });
    });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 3979), '127.0.0.1');
